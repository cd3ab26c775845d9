"""almalinux-migrate.8 from the command line itself: the typer app's options and commands,
the exit codes from docs/cli.md's "Exit codes" table (the contract), so the page never drifts.

    python3 packaging/man.py TREE OUT      # TREE: a staged tree (stage.py) or the checkout

Runs with TREE first on sys.path: the vendored typer/click/rich are the ones that build it."""
import datetime
import os
import re
import sys

def files():
    """(path, what) for FILES, the paths taken from the code that uses them."""
    from migrate.hooks import HOOKS_DIR
    from migrate.layout import CONFIG_FILE, LOG_FILE, REPORT_FILE, RUNS_DIR, STATE_DIR
    return (
        (CONFIG_FILE, "Defaults for the options (the config example of docs/cli.md); under --root, the "
                      "root's own."),
        (HOOKS_DIR + "/pre-convert/", "Executables run in name order before any change; one that fails stops "
                                      "the conversion with nothing changed."),
        (HOOKS_DIR + "/post-convert/", "Executables run after the report is written."),
        (REPORT_FILE, "The report of the latest run."),
        (LOG_FILE, "The log of the latest run."),
        (RUNS_DIR + "/", "Every run's log and report, kept."),
        (STATE_DIR + "/", "The journal and the backups of a conversion."),
    )


def roff(text):
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in text.splitlines())


def exit_codes(contract):
    """[(code, meaning)] of docs/cli.md's table under '## Exit codes'."""
    section = contract.split("## Exit codes", 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\| (\d+) \| (.+?) \|$", section, re.M)


def _option(param):
    names = ", ".join(param.opts + param.secondary_opts)
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return names
    choices = getattr(param.type, "choices", None)
    metavar = param.metavar or ("|".join(choices) if choices else param.type.name.upper())
    return "%s %s" % (names, metavar)


def _options(params):
    lines = []
    for param in params:
        if param.param_type_name != "option" or param.hidden:
            continue
        help_text = param.help or ""
        lines += [".TP", "\\fB%s\\fR" % roff(_option(param)), roff(help_text)]
    return lines


def page(group, version, codes, date):
    lines = [".TH ALMALINUX\\-MIGRATE 8 \"%s\" \"almalinux\\-migrate %s\" \"System Administration\"" % (
        date, roff(version)),
             ".SH NAME", "almalinux\\-migrate \\- %s" % roff(group.help.rstrip(".")),
             ".SH SYNOPSIS",
             "\\fBalmalinux\\-migrate\\fR [\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
             ".SH GLOBAL OPTIONS"] + _options(group.params) + [".SH COMMANDS"]
    for name, command in group.commands.items():
        lines += [".SS %s" % roff(name), roff((command.help or "").strip())] + _options(command.params)
    lines += [".SH EXIT STATUS"]
    for code, meaning in codes:
        lines += [".TP", "\\fB%s\\fR" % code, roff(meaning.replace("`", ""))]
    lines += [".SH FILES"]
    for path, what in files():
        lines += [".TP", "\\fI%s\\fR" % roff(path), roff(what)]
    lines += [".SH SEE ALSO", "\\fBdnf\\fR(8), \\fBrpm\\fR(8)", ""]
    return "\n".join(lines)


def main(tree, out):
    sys.path[:0] = [tree] + ([os.path.join(tree, "_vendor36")] if sys.version_info < (3, 7) else [])
    import typer.main
    from migrate import __version__
    from migrate.cli import app
    contract = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs", "cli.md")
    with open(contract, encoding="utf-8") as handle:
        codes = exit_codes(handle.read())
    # The date of the version's changelog would need the spec; SOURCE_DATE_EPOCH keeps builds equal.
    stamp = datetime.datetime.utcfromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")))
    text = page(typer.main.get_command(app), __version__, codes, stamp.strftime("%Y-%m-%d"))
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
