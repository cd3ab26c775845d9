"""PENDING_UPDATES on real sandbox roots: the source's own repos, read from the root's repo
files, served from a local copy of the source mirror with one newer signed build; and the same
repos unreachable, which must cost no blocker and no failure."""
import os
import shutil
import socket
import subprocess
import time

import pytest

from tests.sandbox.cli import diff_snapshots, run_cli, snapshot
from tests.sandbox.fixture import serve
from tests.sandbox.fixture.build import build_side, sign
from tests.sandbox.fixture.keys import stop_agent
from tests.sandbox.fixture.mirror import SOURCE_REPOS
from tests.sandbox.fixture.run import make_env
from tests.sandbox.fixture.specs import Pkg, text_file
from tests.schema import assert_valid_report

NEWER_ZLIB = Pkg("zlib", "1.2.11", "42.el9", payload=[text_file("/usr/lib64/libz.so.1.2.11", "zlib update\n")])
# $releasever (9, from rocky-release's provides) and $basearch substituted as on the host
ROCKY_REPO = ("[baseos]\nname=Rocky Linux $releasever - BaseOS\nbaseurl={url}/rocky/$releasever/BaseOS/$basearch/os/\n"
              "gpgcheck=1\nenabled=1\ncountme=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-Rocky-9\n\n"
              "[appstream]\nname=Rocky Linux $releasever - AppStream\nbaseurl={url}/rocky/$releasever/AppStream/$basearch/os/\n"
              "gpgcheck=1\nenabled=0\n")
EXTRAS_REPO = "[extras]\nname=Rocky Linux $releasever - Extras\nbaseurl={url}/extras/$basearch/\nenabled=1\n"


def _closed_port_url():
    """http://127.0.0.1:PORT with nothing listening there."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return "http://127.0.0.1:%d" % sock.getsockname()[1]


@pytest.fixture(scope="module")
def source_mirror(world, tmp_path_factory):
    """A copy of the world's Rocky BaseOS plus zlib 1.2.11-42.el9 signed by Rocky's key, served on
    127.0.0.1 as URL/rocky/9/BaseOS/x86_64/os/; yields the base URL."""
    work = tmp_path_factory.mktemp("source-mirror")
    repo_dir = str(work / "srv" / "rocky" / "9" / "BaseOS" / "x86_64" / "os")
    shutil.copytree(os.path.join(world.srv, SOURCE_REPOS["rocky"], "Packages"), os.path.join(repo_dir, "Packages"))
    env = make_env(str(work / "home"), world.gnupghome)
    try:
        built = build_side("rocky", [NEWER_ZLIB], str(work / "build"), env)
        sign(sorted(built.values()), world.keys["rocky"], env)
    finally:
        stop_agent(env)
    shutil.copy(built["zlib"], os.path.join(repo_dir, "Packages"))
    subprocess.run(["createrepo_c", "--quiet", "--no-database", repo_dir], check=True)
    server = serve(str(work / "srv"))
    yield server.url
    server.stop()


def _preflight(world, mirror, root, config):
    before = snapshot(root)
    started = time.monotonic()
    result = run_cli(root, "preflight", "--mirror", world.mirror_url(mirror), config=config)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert diff_snapshots(before, snapshot(root)) == []
    return report, elapsed


def _point_source_repos(root, url, extras_url):
    (root / "etc/yum.repos.d/rocky.repo").write_text(ROCKY_REPO.format(url=url), encoding="utf-8")
    (root / "etc/yum.repos.d/rocky-extras.repo").write_text(EXTRAS_REPO.format(url=extras_url), encoding="utf-8")


def test_newer_build_in_the_source_repo_warns(world, mirror, source_mirror, rocky9_root, trust_config):
    _point_source_repos(rocky9_root, source_mirror, _closed_port_url())
    report, _ = _preflight(world, mirror, rocky9_root, trust_config)
    findings = dict((f["id"], f) for f in report["findings"])
    finding = findings["PENDING_UPDATES"]
    assert finding["severity"] == "warning" and "zlib-1.2.11-42.el9.x86_64" in finding["detail"]
    assert finding["data"]["updates"] == [{"name": "zlib", "arch": "x86_64", "installed": "1.2.11-40.el9",
                                           "available": "1.2.11-42.el9", "repo": "baseos"}]
    assert finding["data"]["repos"] == ["baseos"]
    assert [u.split(":")[0] for u in finding["data"]["unreachable"]] == ["extras"]  # the dead one is named
    assert not [f for f in report["findings"] if f["severity"] == "blocker"]
    # the metadata went to the tool's own state directory, never the root's dnf cache
    assert os.path.isdir(str(rocky9_root / "var/lib/almalinux-migrate/source-repos/dnf-cache"))


def test_unreachable_source_repos_are_skipped_not_blocking(world, mirror, rocky9_root, trust_config):
    dead = _closed_port_url()
    _point_source_repos(rocky9_root, dead, dead)
    report, elapsed = _preflight(world, mirror, rocky9_root, trust_config)
    assert "PENDING_UPDATES" not in [f["id"] for f in report["findings"]]
    skipped = dict((s["id"], s["reason"]) for s in report["checks_skipped"])
    assert "could not be reached" in skipped["PENDING_UPDATES"]
    assert report["status"] == "ready" and elapsed < 30
