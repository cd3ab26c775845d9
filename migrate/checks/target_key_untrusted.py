"""The key file on the mirror must hold a key we pinned or the admin configured, valid now: a
mirror that serves another key is tampered or wrong, and nothing it signed may be installed.
An expired or revoked trusted key proves where installed packages came from, but admits none."""
from migrate.checks.base import BLOCKER, TARGET, Check, Problem


class TargetKeyUntrusted(Check):
    id = "TARGET_KEY_UNTRUSTED"
    severity = BLOCKER
    phase = TARGET
    requires = ("MIRROR_UNREACHABLE",)
    title = "The signing key on the mirror is not a trusted AlmaLinux key"
    remediation = ("Use an official mirror, or add the fingerprint of your mirror's re-signing key "
                   "to trust.extra_fingerprints in the --config file after verifying it.")

    def evaluate(self, facts, given):
        key = given.key
        if key is None:
            return None
        if key.error:
            return Problem(key.error)
        if not key.trusted:
            expired = "; expired or revoked: %s" % ", ".join(k.fingerprint for k in key.unusable) \
                if key.unusable else ""
            return Problem("%s holds %s; trusted: %s%s." % (
                key.url, ", ".join(key.fingerprints) or "no key",
                ", ".join(given.target.profile.fingerprints + list(given.options.extra_fingerprints)),
                expired), data={"fingerprints": list(key.fingerprints)})
        return None
