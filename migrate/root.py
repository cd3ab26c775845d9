"""Root: the one object that knows where the system being converted lives.

Every file path, rpm call and dnf configuration goes through here, so `--root DIR` converts
a mounted image or a test sandbox exactly like `/`, and the traps of running rpm/dnf against
another root are handled once (see research/sandbox-el-root.md): absolute roots only (rpm
silently imports keys into the host's rpmdb for a relative one), an explicit `_dbpath`
(Debian's rpm keeps its database in ~/.rpmdb), and dnf never reading the host's config,
repos, plugins or `file://` gpg keys.

The root is untrusted input (README, "--root"): every path the tool opens itself is resolved
inside it as chroot would (`join`), and a path rpm, dnf or rpmkeys open themselves is handed over
only when their own lookup on this machine lands at the same place (`handover`, else
ROOT_PATH_ESCAPES). Resolution is done here, in Python 3.6 (no openat2): a root that changes
while the tool runs (a live container, another process) is not what this defends against."""
import errno
import os
import shutil
import stat
import tempfile

from migrate.errors import Blocked
from migrate.layout import DNF_CACHE_NAME, DNF_LOG_NAME, DNF_PERSIST_NAME


# EL10 moved the rpmdb; EL8/9 keep it under /var/lib/rpm.
RPMDB_CANDIDATES = ("/usr/lib/sysimage/rpm", "/var/lib/rpm")
# The database files of rpm's backends (sqlite, ndb, bdb): without one there is no rpmdb, and
# opening one would create it.
RPMDB_FILES = ("rpmdb.sqlite", "Packages.db", "Packages")
# Linux gives up after 40 links in one lookup (MAXSYMLINKS, path_resolution(7)).
MAX_LINKS = 40
# What dnf opens inside the root on its own besides the rpmdb: its persistdir (history, during
# the sync) and the module state and defaults (libdnf's ModulePackageContainer reads installroot
# + /etc/dnf/modules.d and modules.defaults.d). The tool reads repo files, vars and PLATFORM_ID
# itself and hands dnf copies.
HANDED_OVER = ("/var/lib/dnf", "/etc/dnf/modules.d", "/etc/dnf/modules.defaults.d")


class RootEscape(Blocked):
    """A path rpm, dnf or rpmkeys would open leads out of the root (ROOT_PATH_ESCAPES)."""

    def __init__(self, path, host_path):
        super(RootEscape, self).__init__(
            "%s inside the root leads to %s, outside it or elsewhere than chroot would resolve it; "
            "rpm and dnf would follow it there" % (path, host_path))
        self.path = path
        self.host_path = host_path


class RootLinkLoop(OSError):
    """ELOOP inside the root (a cycle of links): the readers' defaults treat it as a missing
    file; where the tool needs the path, cli.py turns it into exit 3 (blocked), not a bug."""

    exit_code = Blocked.exit_code


def resolve_in_root(root, path, follow=True):
    """`path` resolved inside `root` as chroot would (openat2's RESOLVE_IN_ROOT): component by
    component, absolute link targets start again at `root`, `..` stops at `root`, at most
    MAX_LINKS links (else ELOOP). A missing component and what follows are taken as named.
    `follow` False leaves a link in the last component itself (lstat, unlink, rename, symlink).
    The result is a host path under `root` whose existing components are no links."""
    todo = [part for part in reversed(path.split("/")) if part]
    done = []
    links = 0
    while todo:
        part = todo.pop()
        if part == ".":
            continue
        if part == "..":
            if done:
                done.pop()
            continue
        candidate = os.path.join(root, *(done + [part]))
        try:
            is_link = stat.S_ISLNK(os.lstat(candidate).st_mode)
        except OSError:
            is_link = False
        if is_link and (todo or follow):
            links += 1
            if links > MAX_LINKS:
                raise RootLinkLoop(errno.ELOOP, os.strerror(errno.ELOOP), os.path.join(root, path.lstrip("/")))
            target = os.readlink(candidate)
            if target.startswith("/"):
                done = []
            todo.extend(p for p in reversed(target.split("/")) if p)
            continue
        done.append(part)
    return os.path.join(root, *done)


class Root(object):
    def __init__(self, path="/"):
        self.path = os.path.abspath(path)

    def __repr__(self):
        return "Root(%r)" % self.path

    @property
    def is_live(self):
        """Firmware, /proc and loaded modules belong to the running machine only."""
        return self.path == "/"

    def join(self, path, follow=True):
        """The host path of `path` inside the root, resolved as chroot would (see
        resolve_in_root); on the live host the path itself. Every path the tool opens itself
        comes from here; `follow` False for operations on a link itself."""
        if self.path == "/":
            return os.path.join("/", path.lstrip("/"))
        return resolve_in_root(self.path, path, follow)

    def handover(self, path):
        """The host path of `path` for rpm, dnf or rpmkeys, which open it themselves and would
        follow links on the host: refused (RootEscape) unless that lands where chroot would."""
        if self.path == "/":
            return os.path.join("/", path.lstrip("/"))
        naive = os.path.join(self.path, path.lstrip("/"))
        try:
            contained = resolve_in_root(self.path, path)
        except RootLinkLoop:
            raise RootEscape(path, naive)
        # compared on real paths: DIR itself may be reached through a link of this machine's
        expected = os.path.realpath(self.path) + contained[len(self.path.rstrip("/")):]
        if os.path.realpath(naive) != expected:
            raise RootEscape(path, os.path.realpath(naive))
        return naive

    def inside(self, host_path):
        """The path inside the root of a host path under it ("/" + relative), else None."""
        if self.path == "/":
            return None
        relative = os.path.relpath(os.path.abspath(host_path), self.path)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return None
        return "/" + ("" if relative == os.curdir else relative)

    def private_dir(self, host_path):
        """A directory of the tool's own (under the state dir) that rpm or dnf will write: resolved
        inside the root and created; a link anywhere below it would take them out (RootEscape)."""
        inside = self.inside(host_path)
        if inside is None:
            if not os.path.isdir(host_path):
                os.makedirs(host_path)
            return host_path
        directory = self.join(inside)
        if not os.path.isdir(directory):
            os.makedirs(directory)
        for parent, dirs, files in os.walk(directory):
            for name in dirs + files:
                if os.path.islink(os.path.join(parent, name)):
                    raise RootEscape("%s/%s" % (inside, os.path.relpath(os.path.join(parent, name), directory)),
                                     os.path.realpath(os.path.join(parent, name)))
        return directory

    def escaping_paths(self, paths):
        """Which of `paths` handover() would refuse, with where each leads: the fact behind
        ROOT_PATH_ESCAPES."""
        escapes = []
        for path in paths:
            try:
                self.handover(path)
            except RootEscape as exc:
                escapes.append((path, exc.host_path))
        return escapes

    # -- files ------------------------------------------------------------------------------

    def exists(self, path):
        try:
            return os.path.lexists(self.join(path, follow=False))
        except OSError:
            return False

    def isdir(self, path):
        try:
            return os.path.isdir(self.join(path))
        except OSError:
            return False

    def islink(self, path):
        try:
            return os.path.islink(self.join(path, follow=False))
        except OSError:
            return False

    def listdir(self, path):
        try:
            return sorted(os.listdir(self.join(path)))
        except OSError:
            return []

    def read_text(self, path, default=None):
        try:
            with open(self.join(path), encoding="utf-8", errors="replace") as handle:
                return handle.read()
        except (IOError, OSError):
            if default is not None:
                return default
            raise

    def read_bytes(self, path):
        with open(self.join(path), "rb") as handle:
            return handle.read()

    def write_bytes(self, path, data, mode=None):
        """Write through a temp file in the same directory, fsync, rename, fsync the directory:
        after a crash the file is either the old one or the new one, never a torn mix.
        `mode` None keeps an existing file's mode (0644 for a new one). The rename replaces a
        link in the last component itself, as it would on the live host and in a chroot."""
        target = self.join(path, follow=False)
        if not os.path.isdir(os.path.dirname(target)):
            os.makedirs(os.path.dirname(target), 0o755)
        if mode is None:
            current = self.join(path)  # a link's target, resolved inside the root
            mode = os.stat(current).st_mode & 0o7777 if os.path.isfile(current) else 0o644
        fd, tmp = tempfile.mkstemp(prefix=".almalinux-migrate.", dir=os.path.dirname(target))
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            os.rename(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        directory = os.open(os.path.dirname(target), os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)

    def write_text(self, path, text, mode=None):
        self.write_bytes(path, text.encode("utf-8"), mode)

    def makedirs(self, path, mode=0o755):
        try:
            os.makedirs(self.join(path), mode)
        except OSError as exc:
            if exc.errno != errno.EEXIST:
                raise

    def open(self, path, mode="r", **kwargs):
        """open() of a path inside the root (text modes in UTF-8 unless told otherwise)."""
        if "b" not in mode:
            kwargs.setdefault("encoding", "utf-8")
        return open(self.join(path), mode, **kwargs)

    def remove(self, path):
        target = self.join(path, follow=False)
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)
        elif os.path.lexists(target):
            os.unlink(target)

    # -- rpm ----------------------------------------------------------------------------------

    @property
    def rpmdb_path(self):
        """The rpmdb directory inside the root, as rpm's `_dbpath` wants it."""
        for candidate in RPMDB_CANDIDATES:
            target = self.join(candidate, follow=False)
            if os.path.isdir(target) and not os.path.islink(target) and os.listdir(target):
                return candidate
        return "/var/lib/rpm"

    def has_rpmdb(self):
        return any(os.path.isfile(self.join(os.path.join(self.rpmdb_path, name))) for name in RPMDB_FILES)

    @property
    def handed_over(self):
        """Every path inside the root that rpm or dnf opens itself."""
        return (self.rpmdb_path,) + HANDED_OVER

    def rpm_argv(self, *args):
        dbpath = self.rpmdb_path
        self.handover(dbpath)
        return ["rpm", "--root", self.path, "--define", "_dbpath " + dbpath] + list(args)

    def rpmkeys_argv(self, keyring_dir, *args):
        """rpmkeys against a private keyring: checks signatures without writing the root's rpmdb."""
        return ["rpmkeys", "--define", "_dbpath " + self.private_dir(keyring_dir)] + list(args)

    def pin_dbpath(self):
        """Point the rpm bindings at the root's rpmdb (Debian's default is ~/.rpmdb), and keep
        rpm from exiting the process on a signal while the rpmdb is open (migrate.interrupts)."""
        import rpm

        from migrate.interrupts import quiet_rpm

        quiet_rpm()
        dbpath = self.rpmdb_path
        self.handover(dbpath)
        rpm.addMacro("_dbpath", dbpath)

    def rpm_transaction_set(self):
        """A read-only rpm TransactionSet over the root's rpmdb (the bindings are imported here)."""
        import rpm

        self.pin_dbpath()
        ts = rpm.TransactionSet(self.path)
        ts.setVSFlags(rpm._RPMVSF_NOSIGNATURES | rpm._RPMVSF_NODIGESTS)
        return ts

    # -- dnf ----------------------------------------------------------------------------------

    def platform_id(self):
        """PLATFORM_ID of the root's os-release ("platform:el9"; "" when none), read here:
        libdnf's own lookup for module filtering opens installroot + /etc/os-release itself and
        would follow the usual absolute link to /usr/lib/os-release onto this machine."""
        for path in ("/etc/os-release", "/usr/lib/os-release"):  # the first that exists counts
            text = self.read_text(path, default="")
            if not text:
                continue
            for line in text.splitlines():
                key, sep, value = line.partition("=")
                if sep and key.strip() == "PLATFORM_ID":
                    return value.strip().strip("\"'")
            return ""
        return ""

    def dnf_base(self, workdir, releasever, basearch, proxy=None, cacheonly=False, persistdir=None,
                 ca_cert=None):
        """A dnf.Base over this root that reads none of the root's or host's config.

        Cache and logs go to `workdir` (the tool's own state), repos are only those the caller
        adds, plugins are not loaded and the gpg check is ours (the API does not check)."""
        import dnf
        import dnf.conf

        # Our own Conf with releasever set: a bare dnf.Base() detects releasever from the rpmdb
        # of "/", which reads the host's (and with Debian's rpm creates ~/.rpmdb).
        conf = dnf.conf.Conf()
        conf.installroot = self.path
        conf.substitutions["releasever"] = str(releasever)
        base = dnf.Base(conf)
        self.pin_dbpath()  # after Base(): creating it re-reads rpm's macro files
        conf.cachedir = self.private_dir(os.path.join(workdir, DNF_CACHE_NAME))
        conf.logdir = self.private_dir(os.path.join(workdir, DNF_LOG_NAME))
        if persistdir is None:
            persistdir = self.private_dir(os.path.join(workdir, DNF_PERSIST_NAME))
        elif self.inside(persistdir) is not None:
            persistdir = self.handover(self.inside(persistdir))
        if not os.path.isdir(persistdir):
            os.makedirs(persistdir)
        conf.persistdir = persistdir
        for path in HANDED_OVER:  # libdnf opens these below installroot itself
            self.handover(path)
        conf.reposdir = []
        conf.config_file_path = os.devnull
        conf.releasever = str(releasever)
        conf.substitutions["releasever"] = str(releasever)
        conf.substitutions["basearch"] = basearch
        if basearch and basearch != os.uname()[4]:
            # a root of another architecture (--root on an image): dnf's --forcearch
            conf.arch = basearch
            conf.ignorearch = True
        conf.gpgcheck = False  # checked by migrate.steps.verify_signatures before anything is installed
        conf.keepcache = True
        conf.best = True
        conf.install_weak_deps = False
        conf.skip_if_unavailable = False
        conf.cacheonly = cacheonly
        conf.assumeyes = True
        conf.exit_on_lock = True  # a lock held by another dnf fails at once, it never waits
        conf.protect_running_kernel = self.is_live
        conf.installonly_limit = 0  # keep every kernel: the old vendor's are the fallback
        if self.path != "/" and self.platform_id():
            conf.module_platform_id = self.platform_id()
        if proxy:
            conf.proxy = proxy
        if ca_cert:  # a mirror with a private CA (--ca-cert); repos inherit it from [main]
            conf.sslcacert = ca_cert
        return base


def preload_bindings():
    """Import everything of rpm and dnf the conversion uses now: the transaction replaces these
    very libraries on disk, and a lazy import after that could load a mismatched half."""
    try:
        import dnf  # noqa: F401
        import dnf.callback  # noqa: F401
        import dnf.exceptions  # noqa: F401
        import dnf.transaction  # noqa: F401
        import rpm  # noqa: F401

        from migrate.interrupts import quiet_rpm

        quiet_rpm()
    except ImportError as exc:
        from migrate.errors import Blocked

        raise Blocked("the rpm/dnf Python bindings are missing (%s): run the tool with the system "
                      "interpreter, /usr/libexec/platform-python on EL8 or /usr/bin/python3 on EL9/10" % exc)
