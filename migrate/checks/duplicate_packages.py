"""Two versions of one package (name and arch) in the rpmdb are the trace of an interrupted
transaction; dnf refuses to plan around them or removes the wrong one
(convert2rhel DUPLICATE_PACKAGES; almalinux-deploy #14). Install-only packages such as
kernels are meant to come in several versions. Not overridable: dnf's transaction for such
an rpmdb has items with no package attached, and the what-if cannot describe it."""
from migrate.checks.base import BLOCKER, Check, Problem, summarize

INSTALL_ONLY_PREFIXES = ("kernel", "kmod-")  # dnf installonlypkgs: every kernel-* package


class DuplicatePackages(Check):
    id = "DUPLICATE_PACKAGES"
    conversion_only = True
    severity = BLOCKER
    requires = ("RPM_BINDINGS_MISSING", "RPMDB_UNREADABLE",)
    title = "Some packages are installed in more than one version"
    remediation = ("Finish or clean up the interrupted transaction: `dnf remove --duplicates` "
                   "(or `package-cleanup --cleandupes`), then `dnf check`.")

    def evaluate(self, facts, given):
        seen = {}
        for package in facts.packages:
            if package.name.startswith(INSTALL_ONLY_PREFIXES):
                continue
            seen.setdefault((package.name, package.arch), []).append(package.nevra)
        duplicates = sorted(nevra for nevras in seen.values() if len(nevras) > 1 for nevra in nevras)
        if duplicates:
            return Problem(summarize(duplicates), data={"packages": duplicates})
        return None
