"""A registered RHEL host keeps consuming a subscription, its redhat.repo keeps pointing at the
CDN or a Satellite, and the subscription-manager plugin rewrites that file on every dnf run
(almalinux-deploy step 18; #276 asks to keep Satellite/Foreman management)."""
from migrate.checks.base import WARNING, Check, Problem

RED_HAT_CDN = "subscription.rhsm.redhat.com"
KATELLO_PREFIX = "katello-ca-consumer"


class RhsmRegistered(Check):
    id = "RHSM_REGISTERED"
    conversion_only = True
    severity = WARNING
    requires = ("RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE",)
    title = "The host is registered with subscription-manager"
    remediation = ("Unregister before converting (subscription-manager remove --all; subscription-manager "
                   "unregister; subscription-manager clean) and remove the host from Satellite if it is managed there.")

    def evaluate(self, facts, given):
        registration = facts.registration
        katello = sorted(p.name for p in facts.packages if p.name.startswith(KATELLO_PREFIX))
        if (registration is None or not registration.registered) and not katello:
            return None
        server = registration.server if registration else ""
        where = "Satellite/Katello %s" % (server or "(katello-ca-consumer installed)") \
            if katello or (server and server != RED_HAT_CDN) else "the Red Hat CDN"
        return Problem("Registered with %s." % where, data={"server": server, "katello": katello})
