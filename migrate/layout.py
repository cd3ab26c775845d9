"""Where the tool keeps its own files on the host (docs/cli.md, "Files"): every path under the state
directory and the log directory is named here once, so no module spells one of its own and two
spellings cannot drift. Host paths: resolve them inside the root (Root.join) before use."""

STATE_DIR = "/var/lib/almalinux-migrate"
LOG_FILE = "/var/log/almalinux-migrate.log"
REPORT_FILE = "/var/log/almalinux-migrate-report.json"
RUNS_DIR = "/var/log/almalinux-migrate"  # every run's log and report, kept (migrate.logsetup)
CONFIG_FILE = "/etc/almalinux-migrate.toml"

# The run's journal, its lock and the space held back for it (migrate.journal).
JOURNAL = STATE_DIR + "/journal.json"
LOCK = STATE_DIR + "/lock"
SPARE = STATE_DIR + "/journal.spare"
SECRETS_FILE = STATE_DIR + "/secrets.json"  # credentials the journal must not hold (migrate.secrets)

KEYS_DIR = STATE_DIR + "/keys"  # the trusted keys, one file each
KEYRING_DIR = STATE_DIR + "/keyring"  # rpmkeys' private keyring for the signature check
BACKUP_DIR = STATE_DIR + "/backup"
BACKUP_MANIFEST = BACKUP_DIR + "/manifest.json"
SOURCE_REPOS_DIR = STATE_DIR + "/source-repos"  # the probe of the source's own updates

# dnf's directories inside a workdir (Root.dnf_base): the state dir, or a scratch one.
DNF_CACHE_NAME = "dnf-cache"
DNF_LOG_NAME = "dnf-log"
DNF_PERSIST_NAME = "dnf-persist"
DNF_CACHE = STATE_DIR + "/" + DNF_CACHE_NAME  # the downloads

# What steps created or changed, for their undo and for the next boot.
PANEL_ACTIONS = STATE_DIR + "/panel-actions.json"
THIRD_PARTY_DISABLED = STATE_DIR + "/third-party-disabled.json"
BANNER_CREATED_DIRS = STATE_DIR + "/banner-dirs.json"
RESUME_UNIT_CREATED_DIRS = STATE_DIR + "/resume-unit-dirs.json"

SUPPORT_BUNDLE = STATE_DIR + "/support-bundle-%s.tar.gz"  # % its time
