from migrate.checks import HOST_CHECKS
from tests.factories import boot_facts, make_facts, mount
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_readonly_usr_and_mnt_block():
    facts = make_facts(mounts=(mount("/"), mount("/usr", readonly=True), mount("/mnt", readonly=True),
                               mount("/srv", readonly=True)))
    assert _host(facts)["READONLY_MOUNTS"]["data"] == {"paths": ["/mnt", "/usr"]}


def test_remounted_read_write_is_fine():
    facts = make_facts(mounts=(mount("/usr", readonly=True), mount("/usr")))
    assert "READONLY_MOUNTS" not in _host(facts)


def test_readonly_sys_is_normal_in_a_container():
    podman = boot_facts(bootloader="", container="podman", esp_source="", esp_members=())
    facts = make_facts(boot=podman, mounts=(mount("/"), mount("/sys", "sysfs", readonly=True)))
    findings = _host(facts)
    assert "READONLY_MOUNTS" not in findings and findings["CONTAINER"]["data"] == {"container": "podman"}
    assert "/sys" in _host(make_facts(boot=boot_facts(), mounts=(mount("/sys", "sysfs", readonly=True),)))[
        "READONLY_MOUNTS"]["detail"]
