"""The text `--help` shows after the options: examples and the exit codes of the contract
(docs/cli.md "Exit codes"; tests/unit/test_helptext.py keeps the two in step)."""
from migrate.layout import LOG_FILE, REPORT_FILE, RUNS_DIR

EXAMPLES = (
    ("almalinux-migrate preflight", "changes nothing"),
    ("almalinux-migrate convert --yes", "preflight, then convert"),
    ("almalinux-migrate convert --yes --downgrade", "CentOS Stream"),
    ("almalinux-migrate convert --yes --mirror /srv/alma", "a local mirror"),
    ("almalinux-migrate convert --yes --exclude 'nginx*'", "nginx stays as it is"),
    ("almalinux-migrate --output json preflight", "one JSON document"),
    ("almalinux-migrate resume", "after an interruption"),
    ("almalinux-migrate verify --boot", "after the reboot: panels' repairs"),
)

EXIT_CODES = (
    (0, "success (convert: reboot required)"),
    (1, "internal error: report it with the log"),
    (2, "usage error"),
    (3, "blocked by preflight findings: nothing was changed"),
    (4, "failed before the point of no return: the host was restored"),
    (5, "failed after the point of no return: run resume"),
    (6, "a rollback could not undo everything: run rollback again"),
    (7, "another run holds the lock"),
)


def epilog():
    """Paragraphs separated by blank lines: typer's rich help prints each on its own line."""
    lines = ["Examples:"]
    lines += ["%-51s # %s" % (command, what) for command, what in EXAMPLES]
    lines += ["Exit codes:"]
    lines += ["  %d  %s" % (code, meaning) for code, meaning in EXIT_CODES]
    lines += ["Log: %s; report: %s; every run's under %s/." % (LOG_FILE, REPORT_FILE, RUNS_DIR)]
    return "\n\n".join(lines)
