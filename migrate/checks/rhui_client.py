"""RHEL images in public clouds get content from the cloud's RHUI, configured by a client
package; after the conversion it keeps AlmaLinux hosts billed for and pointed at RHEL content.
almalinux-deploy does not handle it at all (github.com/AlmaLinux/almalinux-deploy)."""
from migrate.checks.base import WARNING, Check, Problem

# AWS rh-amazon-rhui-client*, Azure rhui-azure-rhel*, Google google-rhui-client-rhel*
RHUI_PREFIXES = ("rh-amazon-rhui-client", "rhui-azure-", "google-rhui-client-")


class RhuiClient(Check):
    id = "RHUI_CLIENT"
    conversion_only = True
    severity = WARNING
    requires = ("RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE",)
    title = "A cloud RHUI client package is installed"
    remediation = ("Remove it after converting (dnf remove PACKAGE) and check the instance's billing "
                   "with your cloud provider.")

    def evaluate(self, facts, given):
        clients = sorted(p.nevra for p in facts.packages if p.name.startswith(RHUI_PREFIXES))
        if clients:
            return Problem(", ".join(clients), data={"packages": clients})
        return None
