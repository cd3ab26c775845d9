from migrate.checks import HOST_CHECKS
from migrate.checks.base import BLOCKER
from migrate.facts.model import OsRelease
from tests.factories import make_facts
from tests.kit import check_findings

EL8_IMAGE = dict(root_path="/images/centos8", is_live=False, is_superuser=None,
                 rpmdb_backend="bdb", rpmdb_backend_file="/var/lib/rpm/Packages")


def test_a_berkeley_db_rpmdb_this_rpm_only_reads_blocks_under_a_root():
    finding = check_findings(HOST_CHECKS, make_facts(rpm_writable_backends=("sqlite",), **EL8_IMAGE))[
        "RPMDB_BACKEND_UNWRITABLE"]
    assert finding["severity"] == BLOCKER
    assert finding["detail"] == ("The rpmdb under /images/centos8 is Berkeley DB (/var/lib/rpm/Packages); "
                                 "this machine's rpm writes only sqlite.")
    assert finding["data"] == {"backend": "bdb", "file": "/var/lib/rpm/Packages", "writable": ["sqlite"]}


def test_a_format_this_rpm_writes_passes():
    facts = make_facts(rpm_writable_backends=("bdb", "sqlite"), **EL8_IMAGE)
    assert "RPMDB_BACKEND_UNWRITABLE" not in check_findings(HOST_CHECKS, facts)


def test_the_live_host_and_unknown_formats_are_not_judged():
    live = dict(EL8_IMAGE, root_path="/", is_live=True, is_superuser=True)
    assert "RPMDB_BACKEND_UNWRITABLE" not in check_findings(HOST_CHECKS, make_facts(rpm_writable_backends=(), **live))
    unknown = dict(EL8_IMAGE, rpmdb_backend=None, rpmdb_backend_file=None)
    assert "RPMDB_BACKEND_UNWRITABLE" not in check_findings(HOST_CHECKS, make_facts(rpm_writable_backends=(), **unknown))
    assert "RPMDB_BACKEND_UNWRITABLE" not in check_findings(HOST_CHECKS, make_facts(rpm_writable_backends=None,
                                                                                   **EL8_IMAGE))


def test_an_already_converted_image_has_nothing_to_write():
    alma = OsRelease("almalinux", "AlmaLinux", "8.10", "")
    facts = make_facts(os_release=alma, rpm_writable_backends=("sqlite",), **EL8_IMAGE)
    assert "RPMDB_BACKEND_UNWRITABLE" not in check_findings(HOST_CHECKS, facts)
