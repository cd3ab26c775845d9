"""Inside a container there is no bootloader or kernel of its own: the conversion converts the
packages and skips every boot step. Said up front so nobody expects a new kernel."""
from migrate.checks.base import INFO, Check, Problem


class Container(Check):
    id = "CONTAINER"
    conversion_only = True
    severity = INFO
    needs_live = True
    title = "Running inside a container"
    remediation = ("Nothing to do: packages are converted, the host's kernel and bootloader are not. "
                   "Convert the container image too, or it comes back unconverted.")

    def evaluate(self, facts, given):
        if facts.container:
            return Problem("Detected: %s." % facts.container, data={"container": facts.container})
        return None
