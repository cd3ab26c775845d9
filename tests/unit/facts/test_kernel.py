from migrate.facts.kernel import collect_dkms_modules, module_name, parse_flag, parse_proc_modules
from migrate.root import Root
from tests.factories import output_text


def test_module_file_names():
    assert module_name("nvidia-drm.ko.xz") == "nvidia_drm"
    assert module_name("zfs.ko") == "zfs"
    assert module_name("modules.dep") is None


def test_proc_modules_taint_flags():
    modules = dict(parse_proc_modules(output_text("proc-modules.nvidia-zfs.txt")))
    assert modules["nvidia"] == "POE" and modules["spl"] == "OE" and modules["xfs"] == ""
    assert len(modules) == 18


def test_stock_modules_carry_no_taints():
    assert all(m.taints == "" for m in parse_proc_modules(output_text("proc-modules.stock.txt")))


def test_proc_flag():
    assert parse_flag("1\n") is True and parse_flag("0\n") is False and parse_flag("") is None


def test_dkms_tree(tmp_path):
    (tmp_path / "var/lib/dkms/nvidia/535.104.05/source").mkdir(parents=True)
    (tmp_path / "var/lib/dkms/nvidia/kernel-5.14.0-427.el9.x86_64-x86_64").symlink_to("535.104.05")
    (tmp_path / "var/lib/dkms/zfs/2.1.15/source").mkdir(parents=True)
    (tmp_path / "var/lib/dkms/dkms_dbversion").write_text("3.0.0\n")
    assert collect_dkms_modules(Root(str(tmp_path))) == ("nvidia/535.104.05", "zfs/2.1.15")
