from migrate.checks import TARGET_CHECKS
from migrate.checks.insufficient_disk_space import required_bytes
from migrate.facts.model import FreeSpace
from migrate.plan.model import empty_plan
from tests.factories import make_facts
from tests.kit import check_findings

MIB = 1024 * 1024
GIB = 1024 * MIB


def _target(facts, plan):
    return check_findings(TARGET_CHECKS, facts, plan=plan)


def _plan(download, install, remove, installed=()):
    plan = empty_plan()
    plan.update(download_size=download, install_size=install, remove_size=remove)
    plan["installed"] = [{"name": n, "nevra": n + "-1-1.x86_64"} for n in installed]
    return plan


def test_required_bytes_per_directory():
    needs = required_bytes(_plan(300 * MIB, 900 * MIB, 800 * MIB, installed=("kernel", "kernel-core", "shim-x64")))
    assert needs["/var"] == 400 * MIB and needs["/boot"] == 100 * MIB and needs["/boot/efi"] == 20 * MIB
    assert needs["/usr"] == 100 * MIB + 45 * MIB


def test_small_var_blocks_with_the_mount_named():
    space = (FreeSpace("/", "/", 10 * GIB, 20 * GIB), FreeSpace("/usr", "/", 10 * GIB, 20 * GIB),
             FreeSpace("/var", "/var", 190 * MIB, 2 * GIB), FreeSpace("/boot", "/boot", 600 * MIB, GIB))
    finding = _target(make_facts(free_space=space), _plan(300 * MIB, 900 * MIB, 800 * MIB))["INSUFFICIENT_DISK_SPACE"]
    assert finding["detail"].startswith("/var (for /var)") and finding["overridable"]


def test_directories_on_one_file_system_add_up():
    space = (FreeSpace("/", "/", 500 * MIB, GIB),)
    plan = _plan(300 * MIB, 300 * MIB, 0)  # /var 400 MiB + /usr 315 MiB, both on /
    assert "/ (for /usr, /var)" in _target(make_facts(free_space=space), plan)["INSUFFICIENT_DISK_SPACE"]["detail"]
    roomy = (FreeSpace("/", "/", 5 * GIB, 10 * GIB),)
    assert "INSUFFICIENT_DISK_SPACE" not in _target(make_facts(free_space=roomy), plan)
