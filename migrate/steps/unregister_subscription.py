"""RHEL: end the subscription before subscription-manager is removed. Best effort: it needs
Red Hat's servers, which the conversion must not depend on; a failure is reported, not fatal.
Only on the live host: under --root the subscription belongs to whoever runs that system."""
from migrate.steps.base import Step

CONSUMER_CERT = "/etc/pki/consumer/cert.pem"  # present while subscription-manager is registered


def rhsm_applies(ctx):
    profile = ctx.source.profile
    return bool(profile is not None and profile.unregister == "rhsm" and not ctx.options.keep_rhsm)


class UnregisterSubscription(Step):
    id = "UNREGISTER_SUBSCRIPTION"
    title = "Unregister from Red Hat Subscription Management"
    needs = ("source",)

    def applies(self, ctx):
        return rhsm_applies(ctx)

    def is_done(self, ctx):
        return not ctx.root.exists(CONSUMER_CERT)

    def apply(self, ctx):
        if not ctx.root.is_live:
            return "registered, but not the live host: left to its owner"
        result = ctx.runner.run(["subscription-manager", "unregister"], check=False)
        if result.returncode != 0:
            return "unregister failed (exit %d), continuing: %s" % (
                result.returncode, (result.stderr or result.stdout).strip()[:200])
        return "unregistered"
