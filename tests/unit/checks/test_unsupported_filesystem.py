from migrate.checks import HOST_CHECKS
from tests.factories import make_facts, mount
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_btrfs_root_blocks_for_almalinux_9_from_fstab_or_mounts():
    from_fstab = _host(make_facts(fstab=(mount("/", "btrfs"), mount("/home", "btrfs"))))
    assert from_fstab["UNSUPPORTED_FILESYSTEM"]["detail"].endswith("/ (btrfs)")
    live = _host(make_facts(mounts=(mount("/var", "btrfs"),)))
    assert "/var (btrfs)" in live["UNSUPPORTED_FILESYSTEM"]["detail"]
    assert "UNSUPPORTED_FILESYSTEM" not in _host(make_facts(fstab=(mount("/srv", "btrfs"),)))
