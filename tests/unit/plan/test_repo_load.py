"""Why a target repo cannot be loaded, named the way the finding and the log name it."""
from migrate.plan.repo_load import describe_librepo_error
from migrate.plan.test_transaction import DISK_SPACE, FILE_CONFLICT, describe_problem


def test_librepo_cause_comes_from_the_attempt_lines():
    final = "Failed to download metadata for repo 'crb': all mirrors were already tried without success"
    checksum = "error: Downloading successful, but checksum doesn't match. Calculated: aa Expected: bb"
    reason = describe_librepo_error(final, ["repo: downloading from remote: crb", checksum])
    assert reason.startswith("checksum mismatch: ") and "Calculated: aa Expected: bb" in reason
    timeout = describe_librepo_error(final, ["error: Curl error (28): Timeout was reached for http://m"])
    assert timeout.startswith("timeout: ")
    assert describe_librepo_error("Status code: 404 for http://m/repodata/repomd.xml").startswith("HTTP 404")


def test_rpm_problems_name_the_file_both_packages_and_the_filesystem():
    conflict = describe_problem(FILE_CONFLICT, "", "openssl-libs-1:3.2.2-6.el9_5.1.x86_64",
                                "fips-provider-next-1.2.0-2.el9.x86_64", "/usr/lib64/ossl-modules/fips.so", 0)
    assert conflict["text"] == ("file /usr/lib64/ossl-modules/fips.so from install of openssl-libs-1:3.2.2-6."
                                "el9_5.1.x86_64 conflicts with file from package fips-provider-next-1.2.0-2.el9.x86_64")
    space = describe_problem(DISK_SPACE, "", "kernel-core-5.14.0-427.el9.x86_64", None, "/boot", 52428800)
    assert space["filesystem"] == "/boot" and space["needed"] == 52428800
    assert space["text"] == "installing kernel-core-5.14.0-427.el9.x86_64 needs 50.0 MiB more on the /boot filesystem"
