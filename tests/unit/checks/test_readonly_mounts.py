from migrate.checks import HOST_CHECKS
from tests.factories import make_facts, mount
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
