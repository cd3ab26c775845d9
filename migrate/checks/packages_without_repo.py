"""A third-party package installed from a file (@commandline), by rpm directly, or from a
repo that is no longer configured gets no updates from anyone after the conversion either
(almalinux-deploy #55, #61, #88). Source-vendor packages are synced whatever their origin."""
from migrate.checks.base import INFO, Check, Problem, summarize
from migrate.checks.vendors import third_party_packages

# where dnf records the installer's own packages: not a repo, but not orphaned either
INSTALLER_REPOS = ("anaconda", "@System", "System")


class PackagesWithoutRepo(Check):
    id = "PACKAGES_WITHOUT_REPO"
    conversion_only = True
    severity = INFO
    requires = ("UNSUPPORTED_SOURCE", "RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE")
    title = "Some third-party packages come from no configured repository"
    remediation = ("Nothing will update them. Find their source (rpm -qi NAME) and add its repo, "
                   "or remove them if they are no longer needed.")

    def evaluate(self, facts, given):
        if facts.package_origins is None or given.source.profile is None:
            return None
        origins = dict(facts.package_origins)
        configured = set(r.repo_id for r in facts.repos) | set(INSTALLER_REPOS)
        orphans = []
        for package in third_party_packages(facts, given):
            origin = origins.get(package.nevra)
            if origin is None or origin not in configured:
                orphans.append("%s (%s)" % (package.nevra, "installed by rpm" if origin is None else "from " + origin))
        if orphans:
            return Problem(summarize(orphans), data={"packages": orphans})
        return None
