"""What a person at a terminal sees: findings, plan, progress and the result, via rich.

Progress and messages go to stderr, the final rendering to stdout (in JSON mode stdout holds
only the document). Plain ASCII marks: EL8's platform-python may run under a C locale."""
import sys

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from migrate.steps.base import NOT_APPLICABLE

SEVERITY_STYLE = {"blocker": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_ORDER = {"info": 0, "warning": 1, "blocker": 2}
OUTCOME_STYLE = {"done": "green", "skipped": "dim", "failed": "bold red", "undone": "yellow",
                 "pending": "dim", "running": "yellow"}
STATUS_TEXT = {
    "ready": ("green", "Ready to convert: nothing blocks the conversion."),
    "blocked": ("bold red", "Blocked: fix the blockers above (or --allow ID where overridable); nothing was changed."),
    "converted": ("bold green", "Converted. Reboot to start the AlmaLinux kernel and services."),
    "failed": ("bold red", "Failed."),
    "rolled_back": ("yellow", "Failed before the point of no return; every change was undone."),
    "already_converted": ("green", "This host already runs AlmaLinux; nothing to do."),
}


def make_console(stream, no_color=False):
    return Console(file=stream, highlight=False, no_color=no_color or not stream.isatty(),
                   soft_wrap=False, emoji=False)


class Ui(object):
    """Live feedback while a command runs; quiet lines when stderr is not a terminal."""

    def __init__(self, quiet=False):
        self.console = make_console(sys.stderr)
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self._last = {}

    def say(self, text, style=None):
        if not self.quiet:
            self.console.print(text, style=style)

    def step_started(self, step, shown=True):
        if shown:
            self.say("[bold]>[/bold] %s [dim](%s)[/dim]" % (escape(step.title), step.id))

    def step_finished(self, step, outcome, detail):
        if outcome == "skipped" and detail == NOT_APPLICABLE:
            return  # steps for other hosts' situations: in the report, not on the screen
        if detail.startswith(outcome + ": "):
            detail = detail[len(outcome) + 2:]
        style = OUTCOME_STYLE.get(outcome, "")
        self.say("  [%s]%s[/%s]%s" % (style, outcome, style, (": " + escape(detail)) if detail else ""))

    def progress(self, step_id, done, total, unit):
        """One line per tenth of the way, so logs and panels get progress without a flood."""
        if self.quiet or not total:
            return
        tenth = (done * 10) // total
        if self._last.get(step_id) == tenth and done != total:
            return
        self._last[step_id] = tenth
        self.console.print("  %s: %d/%d %s" % (step_id, done, total, unit), style="dim")

    def point_of_no_return(self):
        self.say("")
        self.say("=== Point of no return passed: from here on the conversion continues offline; "
                 "if it stops, `almalinux-migrate resume` finishes it. ===", style="bold yellow")


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


def render_report(report, stream=None):
    console = make_console(stream or sys.stdout)
    source, target = report["source"], report["target"]
    console.print("[bold]almalinux-migrate %s[/bold]: %s %s (%s) -> %s %s" % (
        report["command"], source.get("name") or source.get("id") or "unknown system",
        source.get("version") or "", source.get("arch") or "?", target.get("name") or "AlmaLinux",
        target.get("version") or "?"))
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
            "%s (%s)" % (e["name"], e["reason"]) for e in report["leftovers"][:30])), markup=False)
    style, text = STATUS_TEXT.get(report["status"], ("", report["status"]))
    if report["command"] == "verify" and report["status"] == "converted":
        text = "Verified: this host runs AlmaLinux."
    if report.get("message") and report["status"] not in ("ready", "converted", "already_converted"):
        text = "%s %s" % (text, report["message"])
    console.print(text, style=style)
