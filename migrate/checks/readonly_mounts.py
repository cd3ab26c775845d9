"""rpm writes to /, /usr, /var, /etc, /boot and /boot/efi, and the filesystem package to /mnt
and /sys; a read-only one makes the transaction fail after the point of no return
(convert2rhel's READ_ONLY_MOUNTS_MNT/_SYS; hardened hosts and images with a read-only /usr)."""
from migrate.checks.base import BLOCKER, Check, Problem

WRITTEN_BY_RPM = ("/", "/usr", "/var", "/boot", "/boot/efi", "/etc", "/opt", "/mnt", "/sys")


class ReadonlyMounts(Check):
    id = "READONLY_MOUNTS"
    conversion_only = True
    severity = BLOCKER
    overridable = True
    needs_live = True
    title = "A directory the conversion writes to is mounted read-only"
    remediation = "Remount it read-write (mount -o remount,rw PATH), then run preflight again."

    def evaluate(self, facts, given):
        latest = {}
        for mount in facts.mounts or ():
            latest[mount.target] = mount  # the last mount on a path is the visible one
        readonly = sorted(path for path, m in latest.items() if path in WRITTEN_BY_RPM and m.readonly
                          and not (path == "/sys" and facts.boot is not None and facts.boot.container))  # containers get a ro /sys
        if readonly:
            return Problem("Read-only: " + ", ".join(readonly), data={"paths": readonly})
        return None
