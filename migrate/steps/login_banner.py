"""A login banner (motd) while a conversion is unfinished or failed, as cPanel's ELevate shows
one: whoever logs in learns the host is half-way and which command finishes it. Written
before the point of no return (undone by rollback), removed by the last step, so it stays
exactly as long as `resume` or `rollback` has something to do. pam_motd shows
/etc/motd.d/* on EL8 and later (pam_motd(8))."""
import os

from migrate.layout import BANNER_CREATED_DIRS
from migrate.steps.base import Step
from migrate.steps.created_dirs import record_missing_dirs, remove_created_dirs

BANNER_PATH = "/etc/motd.d/almalinux-migrate"
CREATED_DIRS = BANNER_CREATED_DIRS


def banner_text(target_version):
    return ("*** almalinux-migrate: a conversion to AlmaLinux %s is UNFINISHED or FAILED on this host.\n"
            "*** `almalinux-migrate status` shows where it stopped; `almalinux-migrate resume` finishes it\n"
            "*** (before the point of no return, `almalinux-migrate rollback` undoes it instead).\n"
            % (target_version or ""))


def remove_banner(root):
    """Remove the banner and the directories writing it created: the root as it was."""
    root.remove(BANNER_PATH)
    remove_created_dirs(root, CREATED_DIRS)


class WriteLoginBanner(Step):
    id = "WRITE_LOGIN_BANNER"
    title = "Show a login banner while the conversion is unfinished"
    needs = ("target",)

    def _text(self, ctx):
        return banner_text(ctx.target.version if ctx.target is not None else "")

    def is_done(self, ctx):
        return ctx.root.read_text(BANNER_PATH, "") == self._text(ctx)

    def apply(self, ctx):
        record_missing_dirs(ctx.root, CREATED_DIRS, BANNER_PATH)
        ctx.root.makedirs(os.path.dirname(BANNER_PATH))
        ctx.root.write_text(BANNER_PATH, self._text(ctx), mode=0o644)
        return BANNER_PATH

    def undo(self, ctx):
        remove_banner(ctx.root)


class RemoveLoginBanner(Step):
    id = "REMOVE_LOGIN_BANNER"
    title = "Remove the login banner: the conversion is finished"

    def apply(self, ctx):
        remove_banner(ctx.root)
