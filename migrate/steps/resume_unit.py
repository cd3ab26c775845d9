"""With --resume-on-boot, a systemd oneshot unit finishes an interrupted conversion at the next
boot, so an unattended host that crashed or was power-cycled mid-way converges by itself. It
exists only while a conversion runs: installed before the point of no return, removed at the
end (and by rollback)."""
import os
import sys

from migrate.layout import JOURNAL, RESUME_UNIT_CREATED_DIRS
from migrate.steps.base import Step
from migrate.steps.created_dirs import record_missing_dirs, remove_created_dirs

UNIT_NAME = "almalinux-migrate-resume.service"
UNIT_PATH = "/etc/systemd/system/" + UNIT_NAME
WANTS_LINK = "/etc/systemd/system/multi-user.target.wants/" + UNIT_NAME
INSTALLED_SCRIPT = "/usr/bin/almalinux-migrate"

UNIT_TEMPLATE = """# Installed by almalinux-migrate for the duration of one conversion; removed when it ends.
[Unit]
Description=Finish an interrupted conversion to AlmaLinux
After=network-online.target local-fs.target
Wants=network-online.target
ConditionPathExists={journal}

[Service]
Type=oneshot
{environment}ExecStart={command} resume --yes
StandardOutput=journal+console
TimeoutStartSec=infinity

[Install]
WantedBy=multi-user.target
"""


def build_unit(root):
    """The unit text: the packaged launcher when the host has it, else this interpreter."""
    if root.exists(INSTALLED_SCRIPT):
        return UNIT_TEMPLATE.format(environment="", command=INSTALLED_SCRIPT, journal=JOURNAL)
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return UNIT_TEMPLATE.format(environment="Environment=PYTHONPATH=%s\n" % os.path.dirname(package_parent),
                                command="%s -m migrate" % sys.executable, journal=JOURNAL)


CREATED_DIRS = RESUME_UNIT_CREATED_DIRS


def remove_unit(root):
    """Remove the unit and the directories installing it created, leaving the root as it was."""
    for path in (WANTS_LINK, UNIT_PATH):
        root.remove(path)
    remove_created_dirs(root, CREATED_DIRS)


class InstallResumeUnit(Step):
    id = "INSTALL_RESUME_UNIT"
    title = "Install the boot-time resume unit"

    def applies(self, ctx):
        return bool(ctx.options.resume_on_boot)

    def is_done(self, ctx):
        return ctx.root.exists(WANTS_LINK) and ctx.root.read_text(UNIT_PATH, "") == build_unit(ctx.root)

    def apply(self, ctx):
        record_missing_dirs(ctx.root, CREATED_DIRS, WANTS_LINK)
        ctx.root.write_text(UNIT_PATH, build_unit(ctx.root), mode=0o644)
        ctx.root.makedirs(os.path.dirname(WANTS_LINK))
        if not ctx.root.exists(WANTS_LINK):
            os.symlink(UNIT_PATH, ctx.root.join(WANTS_LINK, follow=False))
        return UNIT_PATH

    def undo(self, ctx):
        remove_unit(ctx.root)


class RemoveResumeUnit(Step):
    id = "REMOVE_RESUME_UNIT"
    title = "Remove the boot-time resume unit"

    def applies(self, ctx):
        return bool(ctx.options.resume_on_boot)

    def apply(self, ctx):
        remove_unit(ctx.root)
