"""A target kernel that cannot read the root or /boot file system does not boot: AlmaLinux 8
and 9 ship no Btrfs (almalinux-deploy refuses it for that reason; 10.1 added it). Which file
systems a target lacks is target profile data (`unsupported_filesystems`)."""
from migrate.checks.base import BLOCKER, Check, Problem

BOOT_CRITICAL = ("/", "/boot", "/usr", "/var")


class UnsupportedFilesystem(Check):
    id = "UNSUPPORTED_FILESYSTEM"
    conversion_only = True
    severity = BLOCKER
    requires = ("UNSUPPORTED_TARGET",)
    title = "A file system the host needs to boot is not supported by the AlmaLinux kernel"
    remediation = ("Move the named mount points to XFS or ext4 first (reinstalling may be simpler); "
                   "a conversion would leave a host that does not boot.")

    def evaluate(self, facts, given):
        profile = given.target.profile
        unsupported = set(profile.unsupported_filesystems) if profile else set()
        if not unsupported:
            return None
        found = sorted(set("%s (%s)" % (m.target, m.fstype) for m in (facts.mounts or ()) + facts.fstab
                           if m.target in BOOT_CRITICAL and m.fstype in unsupported))
        if found:
            return Problem("%s %s: %s" % (given.target.profile.name, given.target.major, ", ".join(found)))
        return None
