"""make dist: the release artefacts and their checksums, signed with a throwaway gpg key made
here (a private GNUPGHOME, its agent stopped afterwards); the RPM signatures are checked by
rpmkeys against a private rpmdb, never this machine's."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import pytest

from tests.sandbox.cli import REPO


def _run(argv, **kwargs):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, **kwargs)


@pytest.fixture
def gpg_key():
    """(GNUPGHOME, fingerprint) of a new passphrase-less signing key. Short path under /tmp:
    gpg-agent's socket path must fit in a sockaddr_un."""
    home = tempfile.mkdtemp(prefix="gpg-", dir="/tmp")
    env = dict(os.environ, GNUPGHOME=home)
    try:
        made = _run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key",
                     "almalinux-migrate test <test@example.invalid>", "rsa2048", "sign", "never"], env=env)
        assert made.returncode == 0, made.stdout
        listed = _run(["gpg", "--batch", "--with-colons", "--list-secret-keys"], env=env).stdout
        yield home, re.search(r"^fpr:+([0-9A-F]{40}):", listed, re.M).group(1)
    finally:
        _run(["gpgconf", "--kill", "gpg-agent"], env=env)
        shutil.rmtree(home, ignore_errors=True)


def test_make_dist_needs_no_venv_nor_dpkg():
    planned = _run(["make", "-n", "dist", "pyz", "rpm"], cwd=REPO)
    assert planned.returncode == 0, planned.stdout
    assert "packaging/dist.py" in planned.stdout
    assert not re.search(r"\.venv|dpkg|pip install|apt-get", planned.stdout), planned.stdout


def test_make_dist_builds_sums_and_signs(gpg_key, tmp_path):
    home, fingerprint = gpg_key
    out = tmp_path / "dist"
    made = _run(["make", "dist", "DIST_DIR=%s" % out, "SIGN_KEY=%s" % fingerprint], cwd=REPO,
                env=dict(os.environ, GNUPGHOME=home), timeout=900)
    assert made.returncode == 0, made.stdout[-4000:]
    names = sorted(os.listdir(str(out)))
    assert [n for n in names if n.endswith(".noarch.rpm")] and [n for n in names if n.endswith(".src.rpm")]
    assert "almalinux-migrate.pyz" in names and "SHA256SUMS" in names and "SHA256SUMS.asc" in names

    # Every artefact is in SHA256SUMS and sha256sum agrees; the sums' signature is the key's.
    summed = sorted(line.split("  ", 1)[1] for line in (out / "SHA256SUMS").read_text().splitlines())
    assert summed == sorted(n for n in names if not n.startswith("SHA256SUMS"))
    checked = _run(["sha256sum", "-c", "SHA256SUMS"], cwd=str(out))
    assert checked.returncode == 0 and checked.stdout.count(": OK") == len(summed), checked.stdout
    verified = _run(["gpg", "--batch", "--status-fd", "1", "--verify", str(out / "SHA256SUMS.asc"),
                     str(out / "SHA256SUMS")], env=dict(os.environ, GNUPGHOME=home))
    assert verified.returncode == 0 and "VALIDSIG %s" % fingerprint in verified.stdout, verified.stdout

    # The RPMs: signed by that key, checked against a private rpmdb that trusts only it.
    public = tmp_path / "key.asc"
    exported = _run(["gpg", "--batch", "--armor", "--export", fingerprint], env=dict(os.environ, GNUPGHOME=home))
    public.write_text(exported.stdout)
    dbpath = ["--define", "_dbpath %s" % (tmp_path / "rpmdb")]
    rpms = [str(out / n) for n in names if n.endswith(".rpm")]
    unknown = _run(["rpmkeys"] + dbpath + ["--checksig", "-v"] + rpms)
    assert unknown.returncode != 0 and "NOKEY" in unknown.stdout.upper(), unknown.stdout
    assert _run(["rpmkeys"] + dbpath + ["--import", str(public)]).returncode == 0
    signed = _run(["rpmkeys"] + dbpath + ["--checksig", "-v"] + rpms)
    assert signed.returncode == 0, signed.stdout
    key_id = fingerprint[-8:].lower()
    assert signed.stdout.count("Signature, key ID %s: OK" % key_id) == len(rpms), signed.stdout


def test_man_page_has_every_command_option_and_exit_code(tmp_path):
    import typer.main

    from migrate.cli import app
    from tests.packaging.conftest import load_man
    out = tmp_path / "almalinux-migrate.8"
    made = _run([sys.executable, "-I", "-B", os.path.join(REPO, "packaging", "man.py"), REPO, str(out)])
    assert made.returncode == 0, made.stdout
    page = out.read_text().replace("\\-", "-")
    group = typer.main.get_command(app)
    sections = page.split("\n.SS ")
    for name, command in group.commands.items():
        (section,) = [s for s in sections if s.startswith(name + "\n")]
        for param in command.params:
            if param.param_type_name == "option":
                assert re.search(r"^\\fB%s\b" % re.escape(", ".join(param.opts)), section, re.M), (name, param.opts)
    for param in group.params:
        assert re.search(r"^\\fB%s\b" % re.escape(", ".join(param.opts)), sections[0], re.M), param.opts
    with open(os.path.join(REPO, "docs", "cli.md"), encoding="utf-8") as handle:
        codes = load_man().exit_codes(handle.read())
    from migrate import errors
    defined = sorted(set(v for k, v in vars(errors).items() if k.startswith("EXIT_") and isinstance(v, int)))
    assert set(defined) <= set(int(c) for c, _ in codes)  # every code the tool defines is in docs/cli.md's table
    exit_status = page.split(".SH EXIT STATUS", 1)[1].split(".SH FILES", 1)[0]
    assert re.findall(r"^\\fB(\d+)\\fR$", exit_status, re.M) == [c for c, _ in codes]
    rendered = _run(["man", "-l", str(out)], env=dict(os.environ, MANWIDTH="100", PAGER="cat"))
    assert rendered.returncode == 0 and "almalinux-migrate" in rendered.stdout and "warning" not in rendered.stdout


def test_dist_builds_with_el8s_python_alone(tmp_path):
    """The build scripts as EL8's platform-python (3.6) runs them, with nothing but its pip and
    rpmbuild: every artefact, summed, and the pyz carries 3.6 bytecode only."""
    from tests.packaging.conftest import pyenv_python
    python = pyenv_python(6)
    out = tmp_path / "dist"
    made = _run([python, "-I", os.path.join(REPO, "packaging", "dist.py"), str(out)], cwd=REPO, timeout=900)
    assert made.returncode == 0, made.stdout[-4000:]
    checked = _run(["sha256sum", "-c", "SHA256SUMS"], cwd=str(out))
    assert checked.returncode == 0 and checked.stdout.count(": OK") == 3, checked.stdout
    import zipfile
    with zipfile.ZipFile(str(out / "almalinux-migrate.pyz")) as zipped:
        assert sorted(set(n.split("/")[1] for n in zipped.namelist() if n.startswith("_pyc/"))) == ["cpython-36"]
    helped = _run([python, "-I", str(out / "almalinux-migrate.pyz"), "--version"], cwd="/")
    assert helped.returncode == 0 and helped.stdout.startswith("almalinux-migrate "), helped.stdout
