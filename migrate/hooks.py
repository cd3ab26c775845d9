"""Site hooks: executables in /etc/almalinux-migrate/hooks.d/{pre-convert,post-convert}/ of the
root, run in name order. Panels and fleets use them to stop services, snapshot, or run their own
repair after the conversion. Under --root they run chrooted into the root.

Pre-convert hooks run after preflight found nothing blocking and before any change; one that
fails stops the conversion with nothing changed. Post-convert hooks run after the report is
written, whatever the outcome, and get it in their environment; their failure is logged only."""
import logging
import os

from migrate.layout import REPORT_FILE

log = logging.getLogger(__name__)
HOOKS_DIR = "/etc/almalinux-migrate/hooks.d"


def hook_paths(root, phase):
    directory = "%s/%s" % (HOOKS_DIR, phase)
    paths = []
    for name in root.listdir(directory):
        path = "%s/%s" % (directory, name)
        full = root.join(path)
        if os.path.isfile(full) and os.access(full, os.X_OK) and not name.startswith("."):
            paths.append(path)
    return paths


def run_hooks(root, runner, phase, status=None, exit_code=None):
    """Run every hook of the phase; returns [(path, returncode, last stderr lines)] of those
    that failed, so the finding can say why without sending the operator to the log."""
    env = dict(os.environ, ALMALINUX_MIGRATE_PHASE=phase, ALMALINUX_MIGRATE_REPORT=REPORT_FILE,
               ALMALINUX_MIGRATE_ROOT=root.path)
    if status is not None:
        env["ALMALINUX_MIGRATE_STATUS"] = status
    if exit_code is not None:
        env["ALMALINUX_MIGRATE_EXIT_CODE"] = str(exit_code)
    failed = []
    for path in hook_paths(root, phase):
        argv = [path] if root.is_live else ["chroot", root.path, path]
        log.info("running %s hook %s", phase, path)
        result = runner.run(argv, check=False, env=env)
        if result.returncode != 0:
            log.warning("%s hook %s exited %d", phase, path, result.returncode)
            failed.append((path, result.returncode, stderr_summary(result.stderr or result.stdout)))
    return failed


def stderr_summary(text, lines=3, width=300):
    """The last few non-empty lines of a hook's output, trimmed: enough to say why it failed."""
    kept = [line.strip() for line in (text or "").splitlines() if line.strip()][-lines:]
    summary = " / ".join(kept)
    return summary if len(summary) <= width else "..." + summary[-width:]
