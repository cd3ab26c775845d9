"""The report document, schema almalinux-migrate/report/1 (schemas/report-1.json).

Stable for panels: keys are only ever added. Written to /var/log/almalinux-migrate-report.json
in the root after every command that makes one."""
import json
import platform

from migrate import __version__
from migrate.plan.model import empty_plan, plan_counts
from migrate.layout import REPORT_FILE, RUNS_DIR

SCHEMA = "almalinux-migrate/report/1"


def tool_info():
    """This tool as the report names it; also what `--version --output json` prints."""
    return {"name": "almalinux-migrate", "version": __version__, "python": platform.python_version()}


def build_report(command, status, source, target, findings, plan=None, steps=(), leftovers=(),
                 exit_code=0, message=None, started=None, finished=None, root_path="/", skipped=(),
                 run_id=None, hostname=None, config_files=()):
    plan = plan or empty_plan()
    return {
        "run_id": run_id,
        "hostname": hostname,
        "config_files": list(config_files),
        "schema": SCHEMA,
        "tool": tool_info(),
        "command": command,
        "root": root_path,
        "status": status,
        "exit_code": exit_code,
        "message": message,
        "started": started,
        "finished": finished,
        "source": source,
        "target": target,
        "findings": list(findings),
        "checks_skipped": list(skipped),
        "plan": dict(plan, counts=plan_counts(plan)),
        "steps": list(steps),
        "leftovers": list(leftovers),
    }


def empty_source():
    return {"id": None, "name": None, "profile": None, "version": None, "major": None, "arch": None,
            "release_packages": []}


def empty_target():
    return {"id": "almalinux", "name": "AlmaLinux", "version": None, "major": None, "mirror": None}


def write_report(root, report, run_name=None):
    """The latest report at REPORT_FILE and, with run_name, this run's kept copy beside its log."""
    text = json.dumps(report, indent=2, sort_keys=True) + "\n"
    root.write_text(REPORT_FILE, text)
    if run_name:
        root.makedirs(RUNS_DIR, 0o700)
        root.write_text("%s/%s.json" % (RUNS_DIR, run_name), text, mode=0o600)
