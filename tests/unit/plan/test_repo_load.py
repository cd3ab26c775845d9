"""Why a target repo cannot be loaded, named the way the finding and the log name it."""
from migrate.plan.repo_load import describe_librepo_error


def test_librepo_cause_comes_from_the_attempt_lines():
    final = "Failed to download metadata for repo 'crb': all mirrors were already tried without success"
    checksum = "error: Downloading successful, but checksum doesn't match. Calculated: aa Expected: bb"
    reason = describe_librepo_error(final, ["repo: downloading from remote: crb", checksum])
    assert reason.startswith("checksum mismatch: ") and "Calculated: aa Expected: bb" in reason
    timeout = describe_librepo_error(final, ["error: Curl error (28): Timeout was reached for http://m"])
    assert timeout.startswith("timeout: ")
    assert describe_librepo_error("Status code: 404 for http://m/repodata/repomd.xml").startswith("HTTP 404")
