"""Credentials never appear in clear in the journal, `status`, the report, events, the log or a
bundle (README "Files"); what `resume` needs is kept in a 0600 file in the state dir
and removed when the run ends. The mirror here demands its credentials: a resume that used the
masked URL of the journal would be refused by it."""
import json
import os
import signal
import stat
import tarfile

import pytest

from tests.sandbox.cli import KILL_BEFORE, run_cli
from tests.sandbox.fixture import serve
from tests.schema import assert_valid_report

USER, PASSWORD = "fleet", "S3cret-Pw-4711"
PROXY_PASSWORD = "Pr0xy-Pw-0815"
REPO_TOKEN = "T0ken-Repo-9000"
STATE = "var/lib/almalinux-migrate"


@pytest.fixture
def private_mirror(world):
    server = serve(world.srv, credentials="%s:%s" % (USER, PASSWORD))
    yield server.url.replace("http://", "http://%s:%s@" % (USER, PASSWORD), 1)
    server.stop()


def plant_secrets_in_the_root(root):
    """dnf.conf's proxy_password and a repo file with a token URL and basic-auth lines."""
    with open(os.path.join(str(root), "etc/dnf/dnf.conf"), "a") as handle:
        handle.write("proxy=http://proxy.example:3128\nproxy_username=fleet\nproxy_password=%s\n" % PROXY_PASSWORD)
    with open(os.path.join(str(root), "etc/yum.repos.d/vendor.repo"), "w") as handle:
        handle.write("[vendor]\nname=vendor\nbaseurl=https://repo.example/el9/?token=%s\nenabled=0\n"
                     "username=customer\npassword=%s\n" % (REPO_TOKEN, REPO_TOKEN))


def channels(root, *outputs):
    """Every text the tool wrote outside the secrets file: the root's journal, log and report,
    every kept log, plus `outputs` (stdout, stderr, events)."""
    texts = list(outputs)
    for relative in ("var/log/almalinux-migrate.log", "var/log/almalinux-migrate-report.json",
                     STATE + "/journal.json"):
        path = os.path.join(str(root), relative)
        if os.path.exists(path):
            with open(path, errors="replace") as handle:
                texts.append(handle.read())
    return texts


def test_credentials_stay_out_of_every_channel_and_resume_still_has_them(world, private_mirror, rocky9_root,
                                                                          trust_config, tmp_path):
    plant_secrets_in_the_root(rocky9_root)
    events = tmp_path / "events.jsonl"
    url = world.mirror_url(private_mirror)
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", url, "--events", events,
                     config=trust_config, env={KILL_BEFORE: "DOWNLOAD_PACKAGES"})
    assert killed.returncode == -signal.SIGKILL, killed
    secrets = rocky9_root / STATE / "secrets.json"
    assert stat.S_IMODE(os.stat(str(secrets)).st_mode) == 0o600
    assert json.loads(secrets.read_text())["mirror"] == url
    status = run_cli(rocky9_root, "status")
    assert status.document["options"]["mirror"] == url.replace(PASSWORD, "***")

    resumed = run_cli(rocky9_root, "resume", "--yes", "--events", events, config=trust_config)
    assert resumed.returncode == 0, resumed
    assert assert_valid_report(resumed.document)["status"] == "converted"
    assert not os.path.lexists(str(secrets))  # removed when the run ended

    archive_path = tmp_path / "bundle.tar.gz"
    assert run_cli(rocky9_root, "bundle", "--file", archive_path).returncode == 0
    with tarfile.open(str(archive_path)) as archive:
        members = dict((m.name, archive.extractfile(m).read().decode("utf-8"))
                       for m in archive.getmembers() if m.isfile())
    assert "proxy_password=***" in members["bundle/etc/dnf/dnf.conf"]
    assert "?token=***" in members["bundle/etc/yum.repos.d/vendor.repo"]

    texts = channels(rocky9_root, killed.stdout, killed.stderr, status.stdout, resumed.stdout,
                     resumed.stderr, events.read_text()) + list(members.values())
    for secret in (PASSWORD, PROXY_PASSWORD, REPO_TOKEN):
        assert [t for t in texts if secret in t] == []


def test_a_proxy_password_is_masked_in_report_log_and_events(rocky9_root, trust_config, tmp_path):
    events = tmp_path / "events.jsonl"
    proxy = "http://fleet:%s@127.0.0.1:9" % PROXY_PASSWORD  # nothing listens: the mirror is unreachable
    result = run_cli(rocky9_root, "-v", "preflight", "--mirror", "http://127.0.0.1:9/almalinux", "--proxy", proxy,
                     "--events", events, config=trust_config)
    assert result.returncode == 3, result
    assert "MIRROR_UNREACHABLE" in [f["id"] for f in assert_valid_report(result.document)["findings"]]
    texts = channels(rocky9_root, result.stdout, result.stderr, events.read_text())
    assert [t for t in texts if PROXY_PASSWORD in t] == []
    assert not os.path.lexists(str(rocky9_root / STATE / "secrets.json"))  # preflight starts no run
