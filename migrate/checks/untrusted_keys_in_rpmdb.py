"""The rpmdb trusts keys this tool does not (migrate.verify.trusted_keys): name them, so the
admin can judge which repositories may still install packages."""
from migrate.checks.base import INFO, VERIFY, Check, Problem


class UntrustedKeysInRpmdb(Check):
    id = "UNTRUSTED_KEYS_IN_RPMDB"
    severity = INFO
    title = "The rpmdb holds signing keys that are not trusted AlmaLinux keys"
    remediation = ("Keep the keys of repositories you use on purpose (EPEL, your own); remove any other "
                   "with `rpm -e gpg-pubkey-VERSION-RELEASE`.")
    phase = VERIFY
    requires = ("NOT_ALMALINUX",)

    def unavailable(self, facts, given):
        return None if given.verify_keys is not None else "the trusted keys are not known yet"

    def evaluate(self, facts, given):
        untrusted = given.verify_keys.untrusted
        if not untrusted:
            return None
        names = ["%s (%s)" % (k.name, k.summary or "no user ID") for k in untrusted]
        return Problem("rpm accepts packages signed by: %s." % "; ".join(names),
                       data={"keys": [k.name for k in untrusted]})
