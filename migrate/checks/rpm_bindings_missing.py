"""The tool reads the rpmdb and resolves the transaction through the rpm and dnf bindings,
which only the system interpreter has. Run by another Python (a pyenv or SCL python3, EL8's
python3.9 module), nothing can be read; the fix is the interpreter, never `rpm --rebuilddb`."""
from migrate.checks.base import BLOCKER, Check, Problem

EVERY_EL = "/usr/libexec/platform-python on EL8, /usr/bin/python3 on EL9 and EL10"


class RpmBindingsMissing(Check):
    id = "RPM_BINDINGS_MISSING"
    severity = BLOCKER
    title = "This Python has no rpm bindings"
    remediation = ("Run the tool with the host's system interpreter, which owns the rpm and dnf "
                   "bindings (the detail names it), e.g. `/usr/libexec/platform-python "
                   "almalinux-migrate.pyz preflight` on EL8.")

    def evaluate(self, facts, given):
        if not facts.rpm_bindings_missing:
            return None
        profile = given.target.profile if given.target is not None else None
        interpreter = (profile.interpreter or "") if profile is not None else ""
        if interpreter == facts.rpm_bindings_missing:
            use = "it is the system Python here, so its python3-rpm and python3-dnf packages are missing"
        elif interpreter:
            use = "use %s (EL%d's system Python)" % (interpreter, given.target.major)
        else:
            use = "use the system Python: " + EVERY_EL
        return Problem("%s cannot import rpm; %s." % (facts.rpm_bindings_missing, use))
