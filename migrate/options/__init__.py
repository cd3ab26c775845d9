"""Every option of the command line and of the config file, written once.

From this table come the typer options (migrate.cli), the run's `Options` record and the config
file's keys and types (migrate.config), what `resume` keeps outside the journal
(migrate.secrets), and, through `python -m migrate.options.docs`, README.md's option table and
the Ansible role's variables (defaults/main.yml, meta/argument_specs.yml). The order is the
README's and the role's."""
from typing import NamedTuple, Optional, Tuple

RUN = ("preflight", "convert")
EVERY_RUN = ("preflight", "convert", "resume", "rollback", "verify")
KINDS = ("str", "bool", "list", "choice", "count")
ROLE_PREFIX = "almalinux_migrate_"


class Option(NamedTuple):
    name: str  # the `Options` field, or the command's parameter when `field` is false
    flags: Tuple[str, ...]  # the long flag first; () when only the config file sets it
    kind: str  # one of KINDS; "list" options are repeatable
    help: str  # --help's line
    commands: Tuple[str, ...] = ()  # () with flags: a global option, given before the command
    metavar: Optional[str] = None
    default: object = None  # None: the kind's empty value (None, False, (), 0)
    choices: Tuple[str, ...] = ()
    config: Optional[str] = None  # "table.key" in the config file
    field: bool = True  # a field of the run's Options: in the journal, `resume` runs with it
    secret: bool = False  # may carry credentials: masked in the journal, kept aside for resume
    param: Optional[str] = None  # the command's parameter, when it is not `name`
    role: Optional[str] = None  # the Ansible variable; "": none (the role sets it, or never runs the command)
    role_default: object = None  # the role's default, when it is not the tool's
    doc: str = ""  # README's row; "": the help line

    @property
    def flag(self):
        return self.flags[0] if self.flags else None

    @property
    def empty(self):
        return {"bool": False, "list": (), "count": 0}.get(self.kind)

    @property
    def run_default(self):
        return self.empty if self.default is None else self.default

    @property
    def cli_default(self):
        """A field's command-line default is unset (the config file may fill it in)."""
        return self.empty if self.field else self.run_default

    @property
    def parameter(self):
        return self.param or self.name

    @property
    def variable(self):
        """The role variable: almalinux_migrate_ + the long flag; None: the role sets it."""
        if self.role is not None:
            return self.role or None
        return ROLE_PREFIX + self.flag.lstrip("-").replace("-", "_") if self.flags else None


OPTIONS = (
    Option("root", ("--root",), "str", "Convert the system installed under DIR.", metavar="DIR", default="/",
           field=False),
    Option("config", ("--config",), "str", "TOML config (default: /etc/almalinux-migrate.toml in the root).",
           metavar="FILE", field=False),
    Option("output", ("--output",), "choice", "text, or json: one document on stdout.", default="text",
           choices=("text", "json"), field=False, role=""),
    Option("verbose", ("--verbose", "-v"), "count", "More detail on stderr; repeat for debug (-vv).", metavar="",
           field=False),
    Option("target", ("--target",), "str", "AlmaLinux major or major.minor.", RUN, metavar="VERSION",
           doc="AlmaLinux major or major.minor; default: the source's major, latest minor"),
    Option("mirror", ("--mirror",), "str",
           "Base URL laid out like repo.almalinux.org/almalinux: http(s)://, file:// or a path.", RUN,
           metavar="URL", config="mirror.url", secret=True,
           doc="base URL laid out like `https://repo.almalinux.org/almalinux` (`URL/<version>/BaseOS/<arch>/os/`, "
               "`URL/RPM-GPG-KEY-AlmaLinux-<major>`); `http(s)://`, `file://` or a plain path (a local mirror, read "
               "as `file://`); the installed repo files are pointed at it"),
    Option("proxy", ("--proxy",), "str",
           "HTTP(S) proxy for every download (default: config, then https_proxy/http_proxy, then dnf.conf's proxy "
           "on the live host).", RUN, metavar="URL", config="mirror.proxy", secret=True,
           doc="HTTP(S) proxy for the key download and every package and metadata download "
               "(`http://user:password@host:port` for one that wants a login; the password is masked in the log). "
               "Without it: the config's `[mirror] proxy`, then `https_proxy`/`http_proxy` (with `no_proxy`) from "
               "the environment, then, on the live host only, dnf.conf's `proxy=` with "
               "`proxy_username`/`proxy_password` (under `--root` the image's dnf.conf is not trusted)"),
    Option("ca_cert", ("--ca-cert",), "str",
           "CA bundle for a mirror with a private CA (default: config [mirror] ca_cert, then dnf.conf's sslcacert "
           "on the live host).", RUN, metavar="FILE", config="mirror.ca_cert",
           doc="CA bundle for an internal mirror with a private CA, for the key and every download. Without it: "
               "the config's `[mirror] ca_cert`, then (live host only) dnf.conf's `sslcacert`. With an `https://` "
               "mirror the bundle is also copied to `/etc/pki/almalinux-migrate/mirror-ca.pem` and named "
               "(`sslcacert=`) in the repo files pointed at the mirror, so the converted host's dnf can verify it"),
    Option("downgrade", ("--downgrade",), "bool", "Allow packages to go to lower versions.", RUN,
           doc="allow packages to go to lower versions; without it a plan with downgrades is blocked "
               "(`DOWNGRADE_REQUIRED`). AlmaLinux's build of the same upstream epoch, version and release under "
               "another vendor's mark (Rocky's `.rocky.0.1`, Oracle's `.0.1` before the dist tag; profile key "
               "`release_suffixes`) is a lateral move (plan list `lateral`), not a downgrade, and needs no flag"),
    Option("allow", ("--allow",), "list", "Accept an overridable blocker (repeatable).", RUN, metavar="CHECK_ID",
           config="checks.allow", doc="accept an overridable blocker (repeatable)"),
    Option("third_party", ("--third-party",), "choice", "keep (default) or disable third-party repos during "
           "the sync.", RUN, default="keep", choices=("keep", "disable"), config="repos.third_party",
           doc="policy for repos that are neither the source's nor AlmaLinux's (default `keep`). The conversion "
               "transaction never reads the host's repo files, so either way it uses only the AlmaLinux repos and "
               "leaves third-party packages as they are; `disable` also switches those repos off (`enabled=0`) "
               "right before the transaction and back on right after it (steps "
               "`DISABLE_`/`ENABLE_THIRD_PARTY_REPOS`, both in the report), so nothing running inside the "
               "transaction can reach them"),
    Option("keep_rhsm", ("--keep-rhsm",), "bool",
           "RHEL under Satellite/Foreman: stay registered, keep subscription-manager and redhat.repo.", RUN,
           config="repos.keep_rhsm",
           doc="RHEL managed by Satellite/Foreman: stay registered, keep subscription-manager and `redhat.repo` "
               "(Insights, RHUI clients and branding still go)"),
    Option("exclude", ("--exclude",), "list",
           "Keep installed packages matching this name glob out of the sync, as dnf's exclude= (repeatable; "
           "config [packages] exclude); reported as leftovers, reason excluded.", RUN, metavar="PATTERN",
           config="packages.exclude",
           doc="keep installed packages whose name matches this glob out of the sync, as dnf's `exclude=` "
               "(repeatable; the config's patterns add up with these): they stay exactly as they are, are listed "
               "in the plan's `excluded` (`by`: `exclude`) and `left_alone`, and in the report's `leftovers` with "
               "reason `excluded`. An exclude that leaves the transaction without a solution blocks with "
               "`TRANSACTION_UNSOLVABLE` naming the package (exit 3). `resume` takes the excluded set from the "
               "journal"),
    Option("ignore_versionlock", ("--ignore-versionlock",), "bool",
           "Sync the packages the versionlock plugin holds, too (by default they are excluded like --exclude).",
           RUN, doc="by default every installed package held by an entry of the versionlock plugin's list "
                    "(`/etc/dnf/plugins/versionlock.list`, or the `locklist` its config names) is excluded the "
                    "same way (`by`: `versionlock`; `!` entries hold nothing installed); with this option they "
                    "are synced too. Finding `VERSIONLOCK_ENTRIES` says which applies"),
    Option("events", ("--events",), "str", "Append JSON lines of progress to FILE (- = stdout).", EVERY_RUN,
           metavar="FILE", field=False,
           doc="append JSON lines for every step, progress and finding (`-` is stdout; not together with "
               "`--output json`, which owns stdout)"),
    Option("assume_yes", ("--yes", "-y"), "bool", "Never ask.", ("convert", "resume", "rollback"), param="yes",
           role="", doc="never ask; `convert` without it and without a terminal refuses with exit 2"),
    Option("resume_on_boot", ("--resume-on-boot",), "bool",
           "Install a systemd unit that resumes an interrupted conversion at boot.", ("convert",),
           doc="install a systemd oneshot unit that runs `resume --yes` at boot while the conversion is "
               "unfinished; removed when it ends"),
    Option("reboot", ("--reboot",), "bool", "Reboot after a successful conversion, once the report is written "
           "(live host only: refused with --root).", ("convert",), role="",
           doc="opt-in: run `systemctl reboot` after a successful conversion, once the report is on disk and "
               "printed (also when a later `resume` of that run succeeds). Live host only: with `--root` it is a "
               "usage error (exit 2, finding `USAGE_ERROR` in the JSON document), since it would reboot the "
               "machine running the tool, not the system under the root"),
    Option("boot", ("--boot",), "bool", "Also check the running kernel, the default boot entry and the boot "
           "packages (after the reboot).", ("verify",), field=False, role=ROLE_PREFIX + "verify_boot",
           role_default=True),
    Option("file", ("--file",), "str", "Where to write the archive (default: in the state dir).", ("bundle",),
           metavar="PATH", field=False, role=""),
    Option("extra_fingerprints", (), "list", "Signing keys accepted besides the pinned AlmaLinux ones.",
           config="trust.extra_fingerprints"),
    Option("no_proxy", (), "list", "Hosts that bypass an environment proxy (migrate.network)."),
)

BY_NAME = dict((option.name, option) for option in OPTIONS)
FIELDS = tuple(option for option in OPTIONS if option.field)  # the run's Options, in this order
IN_CONFIG = tuple(option for option in OPTIONS if option.config)
SECRET = tuple(option.name for option in OPTIONS if option.secret)


def of_command(command):
    """The options a command takes, in table order ("" for the global ones)."""
    return tuple(o for o in OPTIONS if o.flags and (o.commands == () if command == "" else command in o.commands))


def run_values(command, parameters):
    """{Options field: value} of a command's parameters (its locals), enums as their value."""
    values = {}
    for option in of_command(command):
        if option.field:
            value = parameters[option.parameter]
            values[option.name] = getattr(value, "value", value)
    return values
