"""`convert --reboot`: reboot once the conversion succeeded and its report is on disk (as
convert2rhel `-r` and Leapp `--reboot` do). Only the live host: under --root the machine
running the tool is not the converted system (the CLI refuses --reboot there, exit 2)."""
import logging

log = logging.getLogger(__name__)

REBOOT_ARGV = ("systemctl", "reboot")  # systemd: every EL this tool converts boots with it


def reboot_argv(root_is_live, requested, command, status, report_written):
    """The command to run now, or None: asked for, a convert/resume that converted, the report
    written, and the root is this machine."""
    if not (requested and root_is_live and report_written):
        return None
    if command not in ("convert", "resume") or status != "converted":
        return None
    return list(REBOOT_ARGV)


def reboot_if_asked(ctx, command, status, report_written):
    """Run the reboot through the Runner (tests observe it there); a failure is logged and
    told, the conversion itself stays a success."""
    argv = reboot_argv(ctx.root.is_live, getattr(ctx.options, "reboot", False), command, status,
                       report_written)
    if argv is None:
        return None
    log.info("rebooting as asked (--reboot): %s", " ".join(argv))
    result = ctx.runner.run(argv, check=False)
    if result.returncode != 0:
        log.warning("reboot failed (exit %d): %s; reboot by hand", result.returncode,
                    (result.stderr or "").strip())
    return result
