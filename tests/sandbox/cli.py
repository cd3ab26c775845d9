"""Run the real CLI against a sandbox root, and compare roots byte for byte."""
import hashlib
import json
import os
import stat
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL_OWN = ("var/lib/almalinux-migrate", "var/log/almalinux-migrate.log",
            "var/log/almalinux-migrate-report.json", "var/log/almalinux-migrate")


class CliResult(object):
    def __init__(self, proc):
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    @property
    def document(self):
        return json.loads(self.stdout)

    def __repr__(self):
        return "CliResult(rc=%d)\nstdout:\n%s\nstderr:\n%s" % (self.returncode, self.stdout[-3000:], self.stderr[-3000:])


KILL_BEFORE = "ALMALINUX_MIGRATE_TEST_KILL_BEFORE"
KILL_AFTER_ITEMS = "ALMALINUX_MIGRATE_TEST_KILL_AFTER_ITEMS"
OFFLINE = ("unshare", "--net")


def run_cli(root, *args, config=None, output="json", timeout=600, stdin=subprocess.DEVNULL, env=None,
            prefix=(), command=None):
    """`python -m migrate --root ROOT [--config C] --output json ARGS`, from this checkout.

    `prefix` wraps the command, e.g. ["unshare", "-n"] to run it without any network;
    `command` (an argv prefix, e.g. [the built pyz]) runs a built copy of the tool instead."""
    argv = list(prefix) + list(command or [sys.executable, "-m", "migrate"]) + ["--root", str(root)]
    if config is not None:
        argv += ["--config", str(config)]
    argv += ["--output", output] + [str(a) for a in args]
    env = dict(os.environ, **(env or {}))
    if command is None:
        env["PYTHONPATH"] = REPO
    else:
        env.pop("PYTHONPATH", None)  # a built copy imports nothing from this checkout
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=stdin, universal_newlines=True,
                          env=env, cwd=REPO if command is None else "/", timeout=timeout)
    return CliResult(proc)


def snapshot(root):
    """Every path under root with type, mode, owner and content hash (or link target);
    the tool's own state, log and report are left out, as the contract allows."""
    root = str(root)
    entries = {}
    for current, dirs, files in os.walk(root):
        rel_dir = os.path.relpath(current, root)
        dirs[:] = sorted(d for d in dirs if _rel(rel_dir, d) not in TOOL_OWN)
        for name in sorted(dirs + files):
            rel = _rel(rel_dir, name)
            if rel in TOOL_OWN:
                continue
            path = os.path.join(current, name)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                what = "link:" + os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as handle:
                    what = "file:" + hashlib.sha256(handle.read()).hexdigest()
            else:
                what = "dir" if stat.S_ISDIR(info.st_mode) else "other"
            entries[rel] = (what, stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid)
    return entries


def _rel(rel_dir, name):
    return name if rel_dir == "." else os.path.join(rel_dir, name)


def diff_snapshots(before, after):
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    return changed


def rpm_query(root, *args):
    """`rpm -q` inside the root, lines of output."""
    argv = ["rpm", "--root", str(root), "--define", "_dbpath /var/lib/rpm"] + list(args)
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    return proc.stdout.splitlines()


# DSAHEADER carries EdDSA signatures (keys made by current gpg).
SIG_QF = ("%{NAME} %|RSAHEADER?{%{RSAHEADER:pgpsig}}:{%|DSAHEADER?{%{DSAHEADER:pgpsig}}:"
          "{%|SIGPGP?{%{SIGPGP:pgpsig}}:{(none)}|}|}|\\n")


def installed_signatures(root):
    """{name: key id or None} for every installed package (gpg-pubkey left out)."""
    result = {}
    for line in rpm_query(root, "-qa", "--qf", SIG_QF):
        name, _, sig = line.partition(" ")
        if name == "gpg-pubkey":
            continue
        keyid = sig.rsplit("Key ID ", 1)[1].strip().lower() if "Key ID" in sig else None
        result[name] = keyid
    return result


def dnf_check(root, home):
    """`dnf check` inside the root with the host's config kept out; (returncode, output).

    dnf has no --define, so a private HOME/.rpmmacros points it at the root's rpmdb."""
    os.makedirs(str(home), exist_ok=True)
    with open(os.path.join(str(home), ".rpmmacros"), "w") as macros:
        macros.write("%_dbpath /var/lib/rpm\n")
    env = dict(os.environ, HOME=str(home))
    argv = ["dnf", "--installroot", str(root), "--noplugins", "--releasever", "9",
            "--setopt=reposdir=/nonexistent", "-q", "check"]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, env=env)
    return proc.returncode, proc.stdout


def end_state(root):
    """What a finished conversion must agree on: installed NEVRAs with their signing keys, and
    every repo file's text."""
    packages = sorted(rpm_query(root, "-qa", "--qf", "%{NEVRA} " + SIG_QF.split(" ", 1)[1]))
    repos_dir = os.path.join(str(root), "etc", "yum.repos.d")
    repos = {}
    for name in sorted(os.listdir(repos_dir)):
        with open(os.path.join(repos_dir, name)) as handle:
            repos[name] = handle.read()
    return {"packages": packages, "repos": repos}


def read_events(path):
    with open(str(path)) as handle:
        return [json.loads(line) for line in handle if line.strip()]
