"""rpm's test-transaction problems as the finding and the report name them (the test
transaction itself runs on built RPMs in tests/sandbox/test_known_conflicts.py)."""
from migrate.plan.test_transaction import DISK_NODES, DISK_SPACE, FILE_CONFLICT, OTHER, describe_problem, human_size


def test_rpm_problems_name_the_file_both_packages_and_the_filesystem():
    conflict = describe_problem(FILE_CONFLICT, "", "openssl-libs-1:3.2.2-6.el9_5.1.x86_64",
                                "fips-provider-next-1.2.0-2.el9.x86_64", "/usr/lib64/ossl-modules/fips.so", 0)
    assert conflict["text"] == ("file /usr/lib64/ossl-modules/fips.so from install of openssl-libs-1:3.2.2-6."
                                "el9_5.1.x86_64 conflicts with file from package fips-provider-next-1.2.0-2.el9.x86_64")
    space = describe_problem(DISK_SPACE, "", "kernel-core-5.14.0-427.el9.x86_64", None, "/boot", 52428800)
    assert space["filesystem"] == "/boot" and space["needed"] == 52428800
    assert space["text"] == "installing kernel-core-5.14.0-427.el9.x86_64 needs 50.0 MiB more on the /boot filesystem"


def test_inodes_and_any_other_problem_keep_rpms_words():
    nodes = describe_problem(DISK_NODES, "", "bash-5.1.8-9.el9.x86_64", None, "/usr", 1200)
    assert nodes == {"kind": "disk_nodes", "filesystem": "/usr", "needed": 1200, "package": "bash-5.1.8-9.el9.x86_64",
                     "text": "installing bash-5.1.8-9.el9.x86_64 needs 1200 more inodes on the /usr filesystem"}
    other = describe_problem(OTHER, "package x requires y", "x-1-1.el9.noarch", None, None, 0)
    assert other == {"kind": "other", "package": "x-1-1.el9.noarch", "text": "package x requires y"}


def test_sizes_are_binary_units_up_to_gib():
    assert [human_size(n) for n in (0, 1023, 1024, 52428800, 3 * 1024 ** 3, 5 * 1024 ** 4)] == [
        "0 B", "1023 B", "1.0 KiB", "50.0 MiB", "3.0 GiB", "5120.0 GiB"]
