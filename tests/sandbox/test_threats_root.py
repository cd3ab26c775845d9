"""Threats from the root: a symbolic link in the root, absolute or relative, never
leads the tool onto this machine. Each test moves something the tool reads or writes to the
place chroot would resolve a link to (inside the root), replaces it with a link out to a
canary directory on this machine holding a decoy, runs the real CLI and asserts the exit code,
that the root's own copy was used, and that the canary is byte-identical afterwards.

Paths rpm and dnf open themselves (the rpmdb, /var, /var/lib/dnf, /etc/dnf/modules.d) cannot
be re-rooted for them: a link out there blocks with ROOT_PATH_ESCAPES (exit 3)."""
import glob
import io
import json
import os
import shutil
import signal
import subprocess
import tarfile

import pytest

from tests.sandbox.cli import KILL_BEFORE, diff_snapshots, installed_signatures, run_cli, snapshot
from tests.schema import assert_valid_report

ALMALINUX_OS_RELEASE = 'NAME="AlmaLinux"\nVERSION="9.4 (Seafoam Ocelot)"\nID="almalinux"\nVERSION_ID="9.4"\n'
FORMS = ("absolute", "relative")


def link_out(root, inside, canary, form, decoy):
    """Move root/inside to where chroot resolves a link to canary/NAME, leave root/inside such a
    link, and put `decoy` (text for a file, {name: text} for a directory) at canary/NAME on this
    machine. Returns the host path inside the root the tool must use instead."""
    name = inside.strip("/").replace("/", "_")
    outside = os.path.join(str(canary), name)
    rerooted = os.path.join(str(root), outside.lstrip("/"))
    source = os.path.join(str(root), inside.lstrip("/"))
    os.makedirs(os.path.dirname(rerooted), exist_ok=True)
    if os.path.lexists(source):
        shutil.move(source, rerooted)
    os.makedirs(os.path.dirname(source), exist_ok=True)
    # relative: more `..` than the root is deep; chroot stops at the root's `/`, the host does not
    target = outside if form == "absolute" else "../" * 30 + outside.lstrip("/")
    os.symlink(target, source)
    if isinstance(decoy, dict):
        os.makedirs(outside)
        for child, text in decoy.items():
            with io.open(os.path.join(outside, child), "w", encoding="utf-8") as handle:
                handle.write(text)
    else:
        with io.open(outside, "w", encoding="utf-8") as handle:
            handle.write(decoy)
    return rerooted


@pytest.fixture
def canary(tmp_path):
    path = tmp_path / "canary"
    path.mkdir()
    return path


def findings_of(result):
    return dict((f["id"], f) for f in assert_valid_report(result.document)["findings"])


# -- reads and the tool's own files: re-rooted ------------------------------------------------

DECOY_REPO = "[decoy-outside]\nname=decoy\nbaseurl=http://127.0.0.1:9/decoy\nenabled=1\ngpgcheck=0\n"
READ_ROWS = {
    # the usual absolute form in images reads THIS machine's os-release without containment
    "/etc/os-release": ALMALINUX_OS_RELEASE,
    "/usr/lib/os-release": ALMALINUX_OS_RELEASE,
    "/etc/yum.repos.d": {"decoy.repo": DECOY_REPO},
    "/etc/dnf/dnf.conf": "[main]\nexclude=decoy*\n",
    "/var/lib/almalinux-migrate": {"lock": "1\n", "journal.json": "{}\n"},
    "/var/lib/almalinux-migrate/dnf-cache": {"decoy": "x\n"},
    "/var/lib/almalinux-migrate/lock": "decoy lock\n",
    "/var/log/almalinux-migrate.log": "decoy log\n",
    "/var/log/almalinux-migrate-report.json": "decoy report\n",
    "/var/log": {"messages": "decoy\n"},
}


WRITTEN_THROUGH = ("/var/lib/almalinux-migrate", "/var/lib/almalinux-migrate/dnf-cache",
                   "/var/lib/almalinux-migrate/lock", "/var/log/almalinux-migrate.log", "/var/log")
REPLACED = ("/var/log/almalinux-migrate-report.json",)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("inside", sorted(READ_ROWS))
def test_a_link_out_of_the_root_is_followed_inside_it(inside, form, world, mirror, rocky9_root, canary,
                                                     trust_config):
    rerooted = link_out(rocky9_root, inside, canary, form, READ_ROWS[inside])
    before = snapshot(canary)
    result = run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert result.returncode == 0, result
    report = assert_valid_report(result.document)
    assert (report["status"], report["source"]["id"]) == ("ready", "rocky")
    assert "decoy" not in result.stdout
    assert diff_snapshots(before, snapshot(canary)) == []
    if inside in WRITTEN_THROUGH:  # appended or locked through the link: where chroot would
        assert os.path.lexists(rerooted)
    if inside in REPLACED:  # written as a new file and renamed over the link, as on `/`
        assert os.path.isfile(str(rocky9_root) + inside) and not os.path.islink(str(rocky9_root) + inside)


@pytest.mark.parametrize("form", FORMS)
def test_the_config_in_the_root_is_read_inside_it(form, world, mirror, rocky9_root, canary):
    """Without --config the root's own file is read: the decoy outside is not valid TOML, so
    reading it would be a usage error (2); the root's copy (empty) is read instead and the
    sandbox key is untrusted (3)."""
    os.makedirs(str(rocky9_root / "etc"), exist_ok=True)
    (rocky9_root / "etc" / "almalinux-migrate.toml").write_text("", encoding="utf-8")
    link_out(rocky9_root, "/etc/almalinux-migrate.toml", canary, form, "this is [not toml\n")
    before = snapshot(canary)
    result = run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror))
    assert result.returncode == 3, result
    assert "TARGET_KEY_UNTRUSTED" in findings_of(result)
    assert diff_snapshots(before, snapshot(canary)) == []


# -- what rpm and dnf open themselves: blocked ------------------------------------------------

BLOCK_ROWS = ("/var", "/var/lib", "/var/lib/rpm", "/var/lib/dnf", "/etc/dnf/modules.d",
              "/etc/dnf/modules.defaults.d")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("inside", BLOCK_ROWS)
def test_a_link_out_where_rpm_or_dnf_would_follow_it_blocks(inside, form, world, mirror, rocky9_root, canary,
                                                           trust_config):
    link_out(rocky9_root, inside, canary, form, {"decoy": "outside\n"})
    root_before = snapshot(rocky9_root)
    before = snapshot(canary)
    for command in (["preflight"], ["convert", "--yes"]):
        result = run_cli(rocky9_root, *(command + ["--mirror", world.mirror_url(mirror)]), config=trust_config)
        assert result.returncode == 3, result
        finding = findings_of(result)["ROOT_PATH_ESCAPES"]
        assert finding["severity"] == "blocker" and str(canary) in finding["detail"]
    assert diff_snapshots(before, snapshot(canary)) == []
    # the tool's own log, report and state, wherever chroot put them, are all that changed
    changed = diff_snapshots(root_before, snapshot(rocky9_root))
    assert [c for c in changed if "almalinux-migrate" not in c] == []


def test_a_relative_link_that_stays_inside_is_no_escape(world, mirror, rocky9_root, trust_config):
    """EL10's /var/lib/rpm -> ../../usr/lib/sysimage/rpm form: rpm lands where chroot would."""
    sysimage = rocky9_root / "usr" / "lib" / "sysimage"
    sysimage.mkdir(parents=True)
    shutil.move(str(rocky9_root / "var" / "lib" / "rpm"), str(sysimage / "rpm"))
    os.symlink("../../usr/lib/sysimage/rpm", str(rocky9_root / "var" / "lib" / "rpm"))
    result = run_cli(rocky9_root, "preflight", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert result.returncode == 0, result
    assert "ROOT_PATH_ESCAPES" not in findings_of(result)


# -- writes: a conversion and a bundle through links out --------------------------------------

WRITE_ROWS = {
    "/var/lib/almalinux-migrate": {"backup": "decoy\n", "lock": "1\n"},
    "/etc/dnf/vars": {"decoyvar": "decoy\n"},
    "/etc/yum.repos.d/thirdparty.repo": "[thirdparty]\nname=decoy\nbaseurl=file:///decoy\nenabled=1\n",
    "/etc/issue": "decoy issue\n",
    "/etc/systemd/system": {"decoy.service": "[Unit]\n"},  # the --resume-on-boot unit
    "/etc/pki/rpm-gpg": {"RPM-GPG-KEY-decoy": "decoy\n"},
    "/var/log/almalinux-migrate.log": "decoy log\n",
    "/var/log/almalinux-migrate-report.json": "decoy report\n",
}


STATE_ROWS = {  # inside the state dir: the private keyring, dnf's cache, the backup, the saved key
    "/var/lib/almalinux-migrate/keyring": {"pubring": "decoy\n"},
    "/var/lib/almalinux-migrate/dnf-cache": {"decoy": "x\n"},
    "/var/lib/almalinux-migrate/backup": {"manifest.json": "{}\n"},
    "/var/lib/almalinux-migrate/keys": {"RPM-GPG-KEY-AlmaLinux-9": "decoy\n"},
    "/var/lib/almalinux-migrate/lock": "decoy lock\n",
}


@pytest.mark.parametrize("form", FORMS)
def test_the_state_dirs_own_paths_linked_out_stay_inside(form, world, mirror, rocky9_root, canary, trust_config):
    (rocky9_root / "var" / "lib" / "almalinux-migrate").mkdir(mode=0o700)
    rerooted = dict((inside, link_out(rocky9_root, inside, canary, form, decoy))
                    for inside, decoy in sorted(STATE_ROWS.items()))
    before = snapshot(canary)
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert result.returncode == 0, result
    assert diff_snapshots(before, snapshot(canary)) == []
    assert os.path.isfile(os.path.join(rerooted["/var/lib/almalinux-migrate/backup"], "manifest.json"))
    assert os.listdir(rerooted["/var/lib/almalinux-migrate/keyring"])  # rpmkeys wrote it there


@pytest.mark.parametrize("form", FORMS)
def test_a_conversion_writes_only_inside_the_root(form, world, mirror, rocky9_root, canary, trust_config):
    """Every file the conversion backs up, rewrites (`--third-party disable`), deletes (the
    backup) or appends to (the log) reached through a link out: all of it happens inside."""
    (rocky9_root / "etc" / "issue").write_text("Authorised use only\n", encoding="utf-8")
    rerooted = dict((inside, link_out(rocky9_root, inside, canary, form, decoy))
                    for inside, decoy in sorted(WRITE_ROWS.items()))
    before = snapshot(canary)
    result = run_cli(rocky9_root, "convert", "--yes", "--third-party", "disable", "--resume-on-boot",
                     "--mirror", world.mirror_url(mirror), config=trust_config)
    assert result.returncode == 0, result
    assert assert_valid_report(result.document)["status"] == "converted"
    assert diff_snapshots(before, snapshot(canary)) == []
    state = rerooted["/var/lib/almalinux-migrate"]
    assert os.path.isfile(os.path.join(state, "journal.json"))
    backup = os.path.join(state, "backup", "files", "etc")
    assert sorted(os.listdir(os.path.join(backup, "dnf", "vars"))) == ["contentdir", "rltype"]
    assert sorted(os.listdir(os.path.join(backup, "pki", "rpm-gpg"))) == ["RPM-GPG-KEY-Rocky-9",
                                                                            "RPM-GPG-KEY-thirdparty"]
    # switched off for the sync and back on: the root's own file, written over the link
    repo = str(rocky9_root / "etc" / "yum.repos.d" / "thirdparty.repo")
    with io.open(repo, encoding="utf-8") as handle:
        text = handle.read()
    assert "Third Party Agent" in text and "enabled=1" in text and not os.path.islink(repo)


@pytest.mark.parametrize("form", FORMS)
def test_bundle_packs_the_roots_files_only(form, rocky9_root, canary, tmp_path):
    link_out(rocky9_root, "/etc/yum.repos.d", canary, form, {"decoy.repo": DECOY_REPO})
    link_out(rocky9_root, "/etc/dnf/dnf.conf", canary, form, "[main]\n# decoy-outside\n")
    before = snapshot(canary)
    archive_path = tmp_path / "bundle.tar.gz"
    result = run_cli(rocky9_root, "bundle", "--file", archive_path)
    assert result.returncode == 0, result
    with tarfile.open(str(archive_path)) as archive:
        names = archive.getnames()
        texts = [archive.extractfile(m).read().decode("utf-8") for m in archive.getmembers() if m.isfile()]
    assert "bundle/etc/yum.repos.d/rocky.repo" in names
    assert "bundle/etc/yum.repos.d/decoy.repo" not in names
    assert not any("decoy-outside" in text for text in texts)
    assert diff_snapshots(before, snapshot(canary)) == []


def test_verify_resume_and_rollback_block_on_a_link_out_too(world, mirror, rocky9_root, canary, trust_config):
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config,
                     env={KILL_BEFORE: "DOWNLOAD_PACKAGES"})
    assert killed.returncode == -signal.SIGKILL, killed
    link_out(rocky9_root, "/var/lib/rpm", canary, "absolute", {"decoy": "outside\n"})
    before = snapshot(canary)
    for command in (["verify"], ["resume", "--yes"], ["rollback", "--yes"]):
        result = run_cli(rocky9_root, *command, config=trust_config)
        assert result.returncode == 3, result
        assert [f["id"] for f in assert_valid_report(result.document)["findings"]] == ["ROOT_PATH_ESCAPES"]
    assert diff_snapshots(before, snapshot(canary)) == []


def test_a_link_loop_in_the_root_is_bad_input_not_a_bug(rocky9_root, trust_config):
    state = rocky9_root / "var" / "lib"
    os.symlink("almalinux-migrate.loop", str(state / "almalinux-migrate"))
    os.symlink("almalinux-migrate", str(state / "almalinux-migrate.loop"))
    result = run_cli(rocky9_root, "preflight", config=trust_config)
    assert result.returncode == 3, result
    assert "Too many levels of symbolic links" in result.stderr and "internal error" not in result.stderr


# -- the root's journal: it never adds a key ---------------------------------------------------

JOURNAL_ROWS = {  # what the image's journal claims the conversion trusted
    "rogue_added": ("alma", "rogue"),
    "rogue_instead": ("rogue",),
}


def _rogue_signed_copy(world):
    """The tampered mirror's copy of world.broken_package: the rogue key signed it."""
    name = os.path.basename(world.rpms["alma"][world.broken_package])
    return glob.glob(os.path.join(world.srv, world.mirrors["tampered"], "**", name), recursive=True)[0]


def _journal_trusts(world, root, vendors):
    """The image's journal says the run trusted `vendors`' keys, and its saved keys hold the
    rogue key, as the tool would have saved it (one armored file per fingerprint)."""
    state = root / "var" / "lib" / "almalinux-migrate"
    journal = json.loads((state / "journal.json").read_text(encoding="utf-8"))
    journal["target"]["trusted_fingerprints"] = [world.keys[v].fingerprint for v in vendors]
    (state / "journal.json").write_text(json.dumps(journal), encoding="utf-8")
    (state / "keys").mkdir(exist_ok=True)
    (state / "keys" / (world.keys["rogue"].fingerprint + ".asc")).write_text(world.keys["rogue"].armored,
                                                                               encoding="ascii")


@pytest.mark.parametrize("row", sorted(JOURNAL_ROWS))
def test_resume_never_trusts_a_key_the_roots_journal_names(row, world, mirror, rocky9_root, trust_config):
    """Killed after the download; the image then swaps a cached package for one the rogue key
    signed and names that key in its journal. `resume` refuses (3) and changes nothing;
    `rollback` undoes the conversion, naming the key too."""
    pristine = snapshot(rocky9_root)
    killed = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config,
                     env={KILL_BEFORE: "VERIFY_SIGNATURES"})
    assert killed.returncode == -signal.SIGKILL, killed
    cache = rocky9_root / "var" / "lib" / "almalinux-migrate" / "dnf-cache"
    cached = glob.glob(str(cache / "**" / os.path.basename(_rogue_signed_copy(world))), recursive=True)
    assert len(cached) == 1
    shutil.copyfile(_rogue_signed_copy(world), cached[0])
    _journal_trusts(world, rocky9_root, JOURNAL_ROWS[row])
    before = snapshot(rocky9_root)
    signatures = installed_signatures(rocky9_root)

    resumed = run_cli(rocky9_root, "resume", "--yes", config=trust_config)
    assert resumed.returncode == 3, resumed
    report = assert_valid_report(resumed.document)
    assert report["status"] == "blocked"
    assert [(f["id"], f["severity"]) for f in report["findings"]] == [("JOURNAL_KEYS_IGNORED", "blocker")]
    assert report["findings"][0]["data"] == {"fingerprints": [world.keys["rogue"].fingerprint]}
    assert diff_snapshots(before, snapshot(rocky9_root)) == []
    assert installed_signatures(rocky9_root) == signatures
    assert world.keys["rogue"].keyid not in installed_signatures(rocky9_root).values()

    rolled = run_cli(rocky9_root, "rollback", config=trust_config)
    assert rolled.returncode == 0, rolled
    report = assert_valid_report(rolled.document)
    assert report["status"] == "rolled_back"
    assert [(f["id"], f["severity"]) for f in report["findings"]] == [("JOURNAL_KEYS_IGNORED", "info")]
    assert diff_snapshots(pristine, snapshot(rocky9_root)) == []


def test_verify_never_counts_a_package_signed_by_a_key_the_roots_journal_names(world, mirror, rocky9_root,
                                                                              trust_config):
    """A converted image whose journal names the rogue key and whose rpmdb holds a package that
    key signed: verify lists it as left over, as it would without the journal's word."""
    converted = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config)
    assert converted.returncode == 0, converted
    subprocess.run(["rpm", "--root", str(rocky9_root), "--define", "_dbpath /var/lib/rpm", "-U", "--replacepkgs",
                    "--nosignature", "--nodeps", "--noscripts", _rogue_signed_copy(world)], check=True)
    assert installed_signatures(rocky9_root)[world.broken_package] == world.keys["rogue"].keyid
    _journal_trusts(world, rocky9_root, ("alma", "rogue"))

    verify = run_cli(rocky9_root, "verify", config=trust_config)
    assert verify.returncode == 0, verify
    report = assert_valid_report(verify.document)
    assert world.broken_package in [e["name"] for e in report["leftovers"]]
    ignored = [f for f in report["findings"] if f["id"] == "JOURNAL_KEYS_IGNORED"]
    assert [(f["severity"], f["data"]) for f in ignored] == [
        ("warning", {"fingerprints": [world.keys["rogue"].fingerprint]})]
