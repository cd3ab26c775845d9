"""Under --root, this machine's rpm writes the root's rpmdb. When it can only read that format
(Debian 12's rpm reads an EL8 Berkeley DB rpmdb through `bdb_ro`), `rpm --import` returns 0
and imports nothing and the transaction cannot be recorded: found only after the point of no
return. Decided from the files in the rpmdb directory, not from the major version."""
from migrate.checks.base import BLOCKER, Check, Problem
from migrate.facts.rpmdb_backend import NAMES


class RpmdbBackendUnwritable(Check):
    id = "RPMDB_BACKEND_UNWRITABLE"
    severity = BLOCKER
    severity_doc = "blocker (under `--root` only)"
    conversion_only = True
    requires = ("RPMDB_UNREADABLE",)
    title = "This machine's rpm cannot write the root's rpm database"
    remediation = ("Run the conversion on that host itself (its own rpm writes its rpmdb), or run "
                   "it with --root from a machine whose rpm writes that format (for a Berkeley DB "
                   "rpmdb: an EL8 machine).")

    def evaluate(self, facts, given):
        writable = facts.rpm_writable_backends
        if facts.is_live or writable is None or facts.rpmdb_backend is None:
            return None
        if facts.rpmdb_backend in writable:
            return None
        return Problem("The rpmdb under %s is %s (%s); this machine's rpm writes only %s."
                       % (facts.root_path, NAMES.get(facts.rpmdb_backend, facts.rpmdb_backend),
                          facts.rpmdb_backend_file,
                          ", ".join(NAMES.get(b, b) for b in writable) or "no format"),
                       data={"backend": facts.rpmdb_backend, "file": facts.rpmdb_backend_file,
                             "writable": list(writable)})
