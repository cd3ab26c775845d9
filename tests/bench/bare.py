"""The floor of a conversion: the bare rpm/dnf sequence any converter must run, timed.

No preflight, no what-if, no pre-download, no journal, no private signature check: fetch the
key, import it, swap the release packages with rpm (`-e --nodeps`, then `-U`), then
`dnf distro-sync --allowerasing`, `dnf swap` for each branding package and `dnf reinstall` of
what is still signed by another key, all online against the same mirror the tool uses
(the sequence of github.com/AlmaLinux/almalinux-deploy).

dnf gets a private HOME whose .rpmmacros sets `%_dbpath /var/lib/rpm` (Debian's rpm keeps its
rpmdb at ~/.rpmdb and dnf has no --define), `--noplugins`, and `--setopt=reposdir=` a staging
dir holding only the AlmaLinux repo files, so neither the host's nor the root's repos count.
dnf's own gpgcheck stays on: the key is in the root's rpmdb before the first package arrives.
"""
import os
import subprocess
import tempfile
import time
import urllib.request

RELEASEVER = "9"
KEY_FILE = "RPM-GPG-KEY-AlmaLinux-9"
TARGET_REPOS = (("baseos", "BaseOS"), ("appstream", "AppStream"))
# The signature, whichever header carries it (see tests/sandbox/cli.py).
SIG_QF = "%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH} %|RSAHEADER?{%{RSAHEADER:pgpsig}}:{%|SIGPGP?{%{SIGPGP:pgpsig}}:{(none)}|}|\\n"


class BareFailed(RuntimeError):
    """A command of the bare sequence failed; the message has argv and output tail."""


class Bare(object):
    """One bare conversion of `root` against `mirror` (URL of the AlmaLinux tree).

    release: (source release/repos/gpg-keys package names, AlmaLinux ones);
    branding: {source package: AlmaLinux package}; target_keyid: 16 hex digits of the key
    the mirror signs with (what "still signed by another key" is measured against)."""

    def __init__(self, root, mirror, workdir, release, branding, target_keyid):
        self.root = os.path.abspath(root)
        self.mirror = mirror.rstrip("/")
        self.workdir = os.path.abspath(workdir)
        self.release_from, self.release_to = release
        self.branding = dict(branding)
        self.target_keyid = target_keyid.lower()
        self.home = os.path.join(self.workdir, "home")
        self.stage = os.path.join(self.workdir, "reposdir")
        self.downloads = os.path.join(self.workdir, "release-rpms")
        self.env = dict(os.environ, HOME=self.home, LC_ALL="C.UTF-8")
        self.phases = []  # [(phase, seconds)]
        self.log = []  # every command with its output, for a failure's explanation
        self.peak_rss_mb = 0.0  # the largest command's peak RSS
        self.cpu = 0.0  # user+system seconds of every command

    # -- commands ---------------------------------------------------------------------------

    def rpm(self, *args):
        return ["rpm", "--root", self.root, "--define", "_dbpath /var/lib/rpm"] + list(args)

    def dnf(self, *args):
        return ["dnf", "--installroot=" + self.root, "--noplugins", "-y",
                "--releasever=" + RELEASEVER, "--setopt=reposdir=" + self.stage] + list(args)

    def run(self, argv, ok=(0,)):
        """Run argv, output captured; waited for with wait4 to read its own peak RSS."""
        with tempfile.TemporaryFile() as output:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=output,
                                    stderr=subprocess.STDOUT, env=self.env)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
        self.peak_rss_mb = max(self.peak_rss_mb, usage.ru_maxrss / 1024.0)
        self.cpu += usage.ru_utime + usage.ru_stime
        self.log.append((argv, proc.returncode, text))
        if proc.returncode not in ok:
            tail = "\n".join(text.strip().splitlines()[-25:])
            raise BareFailed("exit %d: %s\n%s" % (proc.returncode, " ".join(argv), tail))
        return text

    def phase(self, name, fn):
        started = time.monotonic()
        result = fn()
        self.phases.append((name, time.monotonic() - started))
        return result

    # -- the sequence -----------------------------------------------------------------------

    def prepare(self):
        """The private HOME and the staging reposdir (not timed: a few small files)."""
        for directory in (self.home, self.stage, self.downloads):
            os.makedirs(directory, exist_ok=True)
        with open(os.path.join(self.home, ".rpmmacros"), "w", encoding="utf-8") as handle:
            handle.write("%_dbpath /var/lib/rpm\n")
        key_path = os.path.join(self.workdir, KEY_FILE)
        for repo_id, path in TARGET_REPOS:
            with open(os.path.join(self.stage, "almalinux-%s.repo" % repo_id), "w", encoding="utf-8") as handle:
                handle.write("[%s]\nname=AlmaLinux $releasever - %s\n"
                             "baseurl=%s/$releasever/%s/$basearch/os/\nenabled=1\ngpgcheck=1\n"
                             "gpgkey=file://%s\n" % (repo_id, path, self.mirror, path, key_path))
        return key_path

    def import_key(self, key_path):
        with urllib.request.urlopen("%s/%s" % (self.mirror, KEY_FILE), timeout=30) as response:
            data = response.read()
        with open(key_path, "wb") as handle:
            handle.write(data)
        self.run(self.rpm("--import", key_path))

    def fetch_release_packages(self):
        """The AlmaLinux release/repos/gpg-keys RPMs, located through the repo metadata."""
        out = self.run(self.dnf("-q", "repoquery", "--latest-limit=1", "--location") + list(self.release_to))
        urls = [line.strip() for line in out.splitlines() if line.strip().startswith(("http://", "https://", "file://"))]
        if len(urls) != len(self.release_to):
            raise BareFailed("repoquery found %d of %s:\n%s" % (len(urls), self.release_to, out))
        paths = []
        for url in urls:
            path = os.path.join(self.downloads, url.rsplit("/", 1)[1])
            with urllib.request.urlopen(url, timeout=30) as response, open(path, "wb") as handle:
                handle.write(response.read())
            paths.append(path)
        return paths

    def swap_release(self, paths):
        installed = [name for name in self.release_from
                     if subprocess.run(self.rpm("-q", name), stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, env=self.env).returncode == 0]
        self.run(self.rpm("-e", "--nodeps", *installed))
        self.run(self.rpm("-U", *paths))

    def swap_branding(self):
        for old, new in sorted(self.branding.items()):
            if subprocess.run(self.rpm("-q", old), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=self.env).returncode == 0:
                self.run(self.dnf("swap", old, new))

    def foreign_signed(self):
        """NEVRAs still signed by another key than the target's (gpg-pubkey left out)."""
        nevras = []
        for line in self.run(self.rpm("-qa", "--qf", SIG_QF)).splitlines():
            nevra, _, sig = line.partition(" ")
            if nevra.startswith("gpg-pubkey-") or not nevra:
                continue
            keyid = sig.rsplit("Key ID ", 1)[1].strip().lower() if "Key ID" in sig else None
            if keyid != self.target_keyid:
                nevras.append(nevra)
        return sorted(nevras)

    def reinstall(self):
        """`dnf reinstall` by exact NEVRA; the unavailable ones are skipped by dnf ("not
        available", exit 0); exit 1 only when none at all is available."""
        nevras = self.foreign_signed()
        if not nevras:
            return
        out = self.run(self.dnf("reinstall", *nevras), ok=(0, 1))
        if "Error" in out and "No packages marked for reinstall" not in out:
            raise BareFailed("dnf reinstall failed:\n" + out[-3000:])

    def convert(self):
        """Run the whole sequence; returns {"total": s, "mixed": s (from the first change
        on), "phases": {phase: s}, "rss_mb": the largest command's peak RSS, "cpu": user+system
        seconds of all commands}."""
        key_path = self.prepare()
        started = time.monotonic()
        self.phase("import_key", lambda: self.import_key(key_path))
        paths = self.phase("fetch_release", self.fetch_release_packages)
        mixed_from = time.monotonic()  # the first change of the installed software
        self.phase("swap_release", lambda: self.swap_release(paths))
        self.phase("distro_sync", lambda: self.run(self.dnf("distro-sync", "--allowerasing")))
        self.phase("swap_branding", self.swap_branding)
        self.phase("reinstall", self.reinstall)
        ended = time.monotonic()
        return {"total": ended - started, "mixed": ended - mixed_from,
                "phases": dict(self.phases), "rss_mb": self.peak_rss_mb, "cpu": self.cpu}


def release_and_branding(swaps):
    """Split a world's {source package: AlmaLinux package} swaps into the release set (rpm
    swap) and the branding map (dnf swap)."""
    release_names = ("-release", "-repos", "-gpg-keys")
    release = [(old, new) for old, new in sorted(swaps.items()) if new.endswith(release_names)]
    branding = dict((old, new) for old, new in swaps.items() if not new.endswith(release_names))
    return ([old for old, _ in release], sorted(set(new for _, new in release))), branding


def bare_for_world(world, root_name, root, mirror, workdir):
    """A Bare conversion of `root` (a copy of world root `root_name`) against `mirror`."""
    release, branding = release_and_branding(world.swaps[root_name])
    return Bare(root, mirror, workdir, release, branding, world.keys["alma"].keyid)
