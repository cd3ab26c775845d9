"""Other keys in the mirror's key file are ignored, and named: only the packets of trusted
keys are saved, loaded into the signature check and imported (docs/cli.md "Which keys are
trusted"). A key appended to the file is how a mirror would get its own packages installed."""
from migrate.checks.base import INFO, TARGET, Check, Problem


class MirrorKeysIgnored(Check):
    id = "MIRROR_KEYS_IGNORED"
    severity = INFO
    phase = TARGET
    requires = ("TARGET_KEY_UNTRUSTED",)
    title = "The mirror's key file holds keys that are not trusted; they are ignored"
    remediation = ("Nothing to do when the mirror is yours and you know these keys; otherwise ask "
                   "whoever runs the mirror why it serves them. They are never imported.")

    def evaluate(self, facts, given):
        key = given.key
        if key is None or key.error:
            return None
        ignored = ["%s (%s)" % (k.fingerprint, k.name or "no user ID") for k in key.ignored]
        ignored += ["%s (%s, expired or revoked)" % (k.fingerprint, k.name or "no user ID")
                    for k in key.unusable if key.trusted]
        if not ignored:
            return None
        return Problem("%s also holds: %s." % (key.url, "; ".join(ignored)),
                       data={"fingerprints": [k.fingerprint for k in key.ignored]})
