"""Root: the one object that knows where the system being converted lives.

Every file path, rpm call and dnf configuration goes through here, so `--root DIR` converts
a mounted image or a test sandbox exactly like `/`, and the traps of running rpm/dnf against
another root are handled once (see research/sandbox-el-root.md): absolute roots only (rpm
silently imports keys into the host's rpmdb for a relative one), an explicit `_dbpath`
(Debian's rpm keeps its database in ~/.rpmdb), and dnf never reading the host's config,
repos, plugins or `file://` gpg keys."""
import errno
import os
import shutil
import tempfile

STATE_DIR = "/var/lib/almalinux-migrate"
LOG_FILE = "/var/log/almalinux-migrate.log"
REPORT_FILE = "/var/log/almalinux-migrate-report.json"
RUNS_DIR = "/var/log/almalinux-migrate"  # every run's log and report, kept (migrate.logsetup)
CONFIG_FILE = "/etc/almalinux-migrate.toml"

# EL10 moved the rpmdb; EL8/9 keep it under /var/lib/rpm.
RPMDB_CANDIDATES = ("/usr/lib/sysimage/rpm", "/var/lib/rpm")
# The database files of rpm's backends (sqlite, ndb, bdb): without one there is no rpmdb, and
# opening one would create it.
RPMDB_FILES = ("rpmdb.sqlite", "Packages.db", "Packages")


class Root(object):
    def __init__(self, path="/"):
        self.path = os.path.abspath(path)

    def __repr__(self):
        return "Root(%r)" % self.path

    @property
    def is_live(self):
        """Firmware, /proc and loaded modules belong to the running machine only."""
        return self.path == "/"

    def join(self, path):
        return os.path.join(self.path, path.lstrip("/"))

    # -- files ------------------------------------------------------------------------------

    def exists(self, path):
        return os.path.lexists(self.join(path))

    def isdir(self, path):
        return os.path.isdir(self.join(path))

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
        `mode` None keeps an existing file's mode (0644 for a new one)."""
        target = self.join(path)
        self.makedirs(os.path.dirname(path))
        if mode is None:
            mode = os.stat(target).st_mode & 0o7777 if os.path.isfile(target) else 0o644
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

    def remove(self, path):
        target = self.join(path)
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)
        elif os.path.lexists(target):
            os.unlink(target)

    # -- rpm ----------------------------------------------------------------------------------

    @property
    def rpmdb_path(self):
        """The rpmdb directory inside the root, as rpm's `_dbpath` wants it."""
        for candidate in RPMDB_CANDIDATES:
            target = self.join(candidate)
            if os.path.isdir(target) and not os.path.islink(target) and os.listdir(target):
                return candidate
        return "/var/lib/rpm"

    def has_rpmdb(self):
        return any(os.path.isfile(self.join(os.path.join(self.rpmdb_path, name))) for name in RPMDB_FILES)

    def rpm_argv(self, *args):
        return ["rpm", "--root", self.path, "--define", "_dbpath " + self.rpmdb_path] + list(args)

    def rpmkeys_argv(self, keyring_dir, *args):
        """rpmkeys against a private keyring: checks signatures without writing the root's rpmdb."""
        return ["rpmkeys", "--define", "_dbpath " + keyring_dir] + list(args)

    def pin_dbpath(self):
        """Point the rpm bindings at the root's rpmdb (Debian's default is ~/.rpmdb), and keep
        rpm from exiting the process on a signal while the rpmdb is open (migrate.interrupts)."""
        import rpm

        from migrate.interrupts import quiet_rpm

        quiet_rpm()
        rpm.addMacro("_dbpath", self.rpmdb_path)

    def rpm_transaction_set(self):
        """A read-only rpm TransactionSet over the root's rpmdb (the bindings are imported here)."""
        import rpm

        self.pin_dbpath()
        ts = rpm.TransactionSet(self.path)
        ts.setVSFlags(rpm._RPMVSF_NOSIGNATURES | rpm._RPMVSF_NODIGESTS)
        return ts

    # -- dnf ----------------------------------------------------------------------------------

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
        conf.cachedir = os.path.join(workdir, "dnf-cache")
        conf.logdir = os.path.join(workdir, "dnf-log")
        conf.persistdir = persistdir or os.path.join(workdir, "dnf-persist")
        conf.reposdir = []
        conf.config_file_path = os.devnull
        conf.releasever = str(releasever)
        conf.substitutions["releasever"] = str(releasever)
        conf.substitutions["basearch"] = basearch
        if basearch and basearch != os.uname()[4]:
            # a root of another architecture (--root on an image): dnf's --forcearch
            conf.arch = basearch
            conf.ignorearch = True
        conf.gpgcheck = False  # checked by migrate.plan.signatures before anything is installed
        conf.keepcache = True
        conf.best = True
        conf.install_weak_deps = False
        conf.skip_if_unavailable = False
        conf.cacheonly = cacheonly
        conf.assumeyes = True
        conf.exit_on_lock = True  # a lock held by another dnf fails at once, it never waits
        conf.protect_running_kernel = self.is_live
        conf.installonly_limit = 0  # keep every kernel: the old vendor's are the fallback
        if proxy:
            conf.proxy = proxy
        if ca_cert:  # a mirror with a private CA (--ca-cert); repos inherit it from [main]
            conf.sslcacert = ca_cert
        for directory in (conf.cachedir, conf.logdir, conf.persistdir):
            if not os.path.isdir(directory):
                os.makedirs(directory)
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
