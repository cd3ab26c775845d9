"""The root's rpmdb format from its files; what this machine's rpm writes from `rpm --showrc`."""
from migrate.facts.rpmdb_backend import detect_backend, parse_showrc
from migrate.root import Root

DEBIAN_RPM_418 = """ARCHITECTURE AND OS:
build arch            : x86_64

BACKEND:
default backend       : sqlite
available backends    : sqlite bdb_ro dummy

RPMRC VALUES:
-13= _db_backend	sqlite
"""
EL8_RPM_414 = """ARCHITECTURE AND OS:
build arch            : x86_64
-14: _db_backend	bdb
"""


def test_read_only_and_dummy_backends_are_not_writable():
    assert parse_showrc(DEBIAN_RPM_418) == ("sqlite",)
    assert parse_showrc(DEBIAN_RPM_418.replace("bdb_ro", "bdb ndb")) == ("bdb", "ndb", "sqlite")


def test_an_rpm_without_a_backend_list_writes_its_default():
    assert parse_showrc(EL8_RPM_414) == ("bdb",)
    assert parse_showrc("nothing useful") == ()


def test_backend_from_the_files_present(tmp_path):
    rpmdb = tmp_path / "var" / "lib" / "rpm"
    rpmdb.mkdir(parents=True)
    assert detect_backend(Root(str(tmp_path))) == (None, None)
    (rpmdb / "Packages").write_bytes(b"\0" * 16)
    assert detect_backend(Root(str(tmp_path))) == ("bdb", "/var/lib/rpm/Packages")
    (rpmdb / "rpmdb.sqlite").write_bytes(b"SQLite format 3\0")
    assert detect_backend(Root(str(tmp_path))) == ("sqlite", "/var/lib/rpm/rpmdb.sqlite")
