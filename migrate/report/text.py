"""What a person at a terminal sees: findings, plan, progress and the result, via rich.

Progress and messages go to stderr, the final rendering to stdout (in JSON mode stdout holds
only the document). Plain ASCII marks: EL8's platform-python may run under a C locale."""
import sys

from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn, TransferSpeedColumn)
from rich.table import Table

from migrate.statuses import Status
from migrate.steps.base import NOT_APPLICABLE

SEVERITY_STYLE = {"blocker": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_ORDER = {"info": 0, "warning": 1, "blocker": 2}
OUTCOME_STYLE = {"done": "green", "skipped": "dim", "failed": "bold red", "undone": "yellow",
                 "pending": "dim", "running": "yellow"}
STATUS_TEXT = {
    Status.READY: ("green", "Ready to convert: nothing blocks the conversion."),
    Status.BLOCKED: ("bold red", "Blocked: fix the blockers above (or --allow ID where overridable); nothing was changed."),
    Status.CONVERTED: ("bold green", "Converted. Reboot to start the AlmaLinux kernel and services."),
    Status.FAILED: ("bold red", "Failed."),
    Status.ROLLED_BACK: ("yellow", "Failed before the point of no return; every change was undone."),
    Status.ALREADY_CONVERTED: ("green", "This host already runs AlmaLinux; nothing to do."),
    Status.ROLLBACK_INCOMPLETE: ("bold red", "Undoing did not finish."),
    Status.ERROR: ("bold red", "Stopped."),
}


def make_console(stream, no_color=False):
    return Console(file=stream, highlight=False, no_color=no_color or not stream.isatty(),
                   soft_wrap=False, emoji=False)


class Ui(object):
    """Live feedback while a command runs: rich progress bars on a terminal (bytes, speed and
    ETA for downloads; items and the current package for the transaction), plain lines, one
    per tenth of the way, when stderr is a file or a pipe (logs and panels)."""

    def __init__(self, quiet=False):
        self.console = make_console(sys.stderr)
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self._last = {}
        self._bar = None  # (rich Progress, task id, step id, kind) while a bar is shown

    def say(self, text, style=None):
        if not self.quiet:
            self.console.print(text, style=style)

    def step_started(self, step, shown=True):
        self._stop_bar()
        if shown:
            self.say("[bold]>[/bold] %s [dim](%s)[/dim]" % (escape(step.title), step.id))

    def step_finished(self, step, outcome, detail):
        self._stop_bar()
        if outcome == "skipped" and detail == NOT_APPLICABLE:
            return  # steps for other hosts' situations: in the report, not on the screen
        if detail.startswith(outcome + ": "):
            detail = detail[len(outcome) + 2:]
        style = OUTCOME_STYLE.get(outcome, "")
        self.say("  [%s]%s[/%s]%s" % (style, outcome, style, (": " + escape(detail)) if detail else ""))

    def progress(self, step_id, done, total, unit, current=None):
        """Items of a step: a bar with the current item on a terminal, else a line per tenth."""
        if self.quiet or not total:
            return
        if self.tty:
            if self._bar is not None and self._bar[2] == step_id and self._bar[3] == "bytes":
                return  # the download's bar counts bytes; the packages go to the events
            self._update_bar(step_id, "items", done, total, unit, current)
            return
        tenth = (done * 10) // total
        if self._last.get(step_id) == tenth and done != total:
            return
        self._last[step_id] = tenth
        self.console.print("  %s: %d/%d %s" % (step_id, done, total, unit), style="dim", markup=False)

    def transfer(self, step_id, done_bytes, total_bytes, current=None):
        """Bytes of a download: a bar with size, speed and time left (terminal only)."""
        if self.quiet or not self.tty or not total_bytes:
            return
        self._update_bar(step_id, "bytes", done_bytes, total_bytes, "bytes", current)

    def _update_bar(self, step_id, kind, done, total, unit, current):
        if self._bar is None or self._bar[2] != step_id or self._bar[3] != kind:
            self._stop_bar()
            # no redirection: dnf hands sys.stderr to rpm.setLogFile, which needs a real file
            progress = Progress(*_columns(kind), console=self.console, transient=False,
                                redirect_stdout=False, redirect_stderr=False)
            task = progress.add_task(step_id, total=total, current="", unit=unit)
            progress.start()
            self._bar = (progress, task, step_id, kind)
        progress, task = self._bar[0], self._bar[1]
        progress.update(task, completed=done, total=total, current=escape(current or ""))

    def _stop_bar(self):
        if self._bar is not None:
            self._bar[0].stop()
            self._bar = None

    def close(self):
        self._stop_bar()

    def point_of_no_return(self):
        self._stop_bar()
        self.say("")
        self.say("=== Point of no return passed: from here on the conversion continues offline; "
                 "if it stops, `almalinux-migrate resume` finishes it. ===", style="bold yellow")


def _columns(kind):
    if kind == "bytes":
        return (TextColumn("  {task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                TextColumn("ETA"), TimeRemainingColumn())
    return (TextColumn("  {task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[unit]}"), TimeElapsedColumn(), TextColumn("{task.fields[current]}"))


def render_findings(console, findings):
    if not findings:
        console.print("No findings.", style="green")
        return
    table = Table(title="Findings", show_lines=True, expand=False)
    table.add_column("severity", no_wrap=True)
    table.add_column("finding", overflow="fold")
    # grouped by severity, the worst last: next to the verdict, where a terminal's reader looks
    for item in sorted(findings, key=lambda f: SEVERITY_ORDER.get(f["severity"], 0)):
        severity = item["severity"] + ("\n(allowed)" if item["overridden"] else "")
        style = SEVERITY_STYLE.get(item["severity"], "")
        table.add_row("[%s]%s[/%s]" % (style, severity, style),
                      "[bold]%s[/bold] %s\n%s\n[italic]What to do:[/italic] %s" % (
                          item["id"], escape(item["title"]), escape(item["detail"]),
                          escape(item["remediation"])))
    console.print(table)


def render_plan(console, plan):
    counts = plan.get("counts", {})
    if not any(counts.values()):
        return
    table = Table(title="Plan", expand=False)
    table.add_column("change")
    table.add_column("packages", justify="right")
    table.add_column("names", overflow="fold")
    for key in ("removed", "upgraded", "downgraded", "lateral", "reinstalled", "installed", "left_alone"):
        entries = plan.get(key, [])
        names = ", ".join(e["name"] for e in entries[:12]) + (" ..." if len(entries) > 12 else "")
        table.add_row(key.replace("_", " "), str(len(entries)), names if key in (
            "removed", "installed", "left_alone", "downgraded", "lateral") else "")
    for swap in plan.get("swapped", []):
        table.add_row("swapped (%s)" % swap["kind"], str(len(swap["from"])),
                      "%s -> %s" % (", ".join(swap["from"]) or "-", ", ".join(swap["to"]) or "-"))
    console.print(table)
    if plan.get("download_size"):
        console.print("Download: %.1f MiB" % (plan["download_size"] / 1048576.0))


def render_steps(console, steps):
    if not steps:
        return
    table = Table(title="Steps", expand=False)
    for column in ("step", "outcome", "detail"):
        table.add_column(column, overflow="fold")
    for step in steps:
        style = OUTCOME_STYLE.get(step["outcome"], "")
        table.add_row(step["id"], "[%s]%s[/%s]" % (style, step["outcome"], style), step.get("detail") or "")
    console.print(table)


def header(report):
    """'convert: Rocky Linux 9.4 (x86_64) -> AlmaLinux 9': only what is known, never '?'."""
    source, target = report["source"], report["target"]
    words = [w for w in (source.get("name") or source.get("id"), source.get("version")) if w]
    if words and source.get("arch"):
        words.append("(%s)" % source["arch"])
    text = "[bold]almalinux-migrate %s[/bold]" % escape(report["command"])
    if words:
        text += ": " + escape(" ".join(words))
        if target.get("version") and source.get("id") != target.get("id"):
            text += " -> %s %s" % (escape(target.get("name") or "AlmaLinux"), escape(target["version"]))
    if report.get("root") not in (None, "/"):
        text += " [dim](root %s)[/dim]" % escape(report["root"])
    return text


def footer(report):
    """(style, text) of the verdict. "Nothing was changed" only where it is true: a blocked
    preflight or convert; `resume`/`rollback`/`verify` refusals say what to do instead."""
    status, command = report["status"], report["command"]
    style, text = STATUS_TEXT.get(status, ("", status))
    ids = [f["id"] for f in report.get("findings", [])]
    if status == "blocked" and command not in ("preflight", "convert"):
        style, text = "bold red", "Refused: see the finding above."
        if "PAST_POINT_OF_NO_RETURN" in ids:
            text = ("Refused: the conversion is past the point of no return and cannot be undone; "
                    "run `almalinux-migrate resume` to finish it.")
    elif status == "failed" and command == "verify":
        style, text = "bold red", "Not verified."
    if command == "verify" and status == "converted":
        text = "Verified: this host runs AlmaLinux."
    if report.get("message") and (status not in ("ready", "converted", "already_converted") or
                                  (status == "ready" and command == "convert")):
        text = report["message"] if status == "ready" else "%s %s" % (text, report["message"])
    return style, text


def render_report(report, stream=None):
    console = make_console(stream or sys.stdout)
    console.print(header(report))
    render_findings(console, report["findings"])
    skipped = report.get("checks_skipped") or []
    if skipped:
        console.print("%d check(s) did not run: %s" % (len(skipped), ", ".join(
            "%s (%s)" % (s["id"], s["reason"]) for s in skipped[:8]) + (" ..." if len(skipped) > 8 else "")),
            style="dim", markup=False)
    render_plan(console, report["plan"])
    render_steps(console, report["steps"])
    if report["leftovers"]:
        console.print("Still from other vendors (%d): %s" % (len(report["leftovers"]), ", ".join(
            "%s (%s)" % (e["name"], e["reason"].replace("_", " ")) for e in report["leftovers"][:30])),
            markup=False)
    if report.get("config_files"):
        console.print("Configuration files to review (rpm kept your edits): %s" % ", ".join(
            e["path"] for e in report["config_files"]), markup=False)
    style, text = footer(report)
    console.print(text, style=style, markup=False)


def render_status(document):
    """`status` as text: the journal's state, each step, and the command that finishes it."""
    console = make_console(sys.stdout)
    if document["state"] == "none":
        console.print("No conversion recorded.")
        return
    console.print("Conversion %s: %s (started %s, point of no return %s)" % (
        document.get("run_id", "?")[:8], document["state"], document.get("started"),
        "passed" if document.get("point_of_no_return_passed") else "not passed"))
    for step in document["steps"]:
        console.print("  %-24s %-8s %s" % (step["id"], step["state"], step.get("detail") or ""), markup=False)
    hint = NEXT_COMMAND.get((document["state"], bool(document.get("point_of_no_return_passed"))))
    if hint:
        console.print("Next: %s" % hint, markup=False)


# What finishes a stopped run, by (journal state, point of no return passed): README, runbook.
NEXT_COMMAND = {
    ("interrupted", True): "almalinux-migrate resume",
    ("interrupted", False): "almalinux-migrate rollback (or resume to go on)",
    ("failed", True): "fix the cause, then almalinux-migrate resume",
    ("failed", False): "almalinux-migrate rollback",
    ("rollback_incomplete", False): "fix what the report names, then almalinux-migrate rollback",
    ("running", True): "a run is in progress; wait for it",
    ("running", False): "a run is in progress; wait for it",
}
