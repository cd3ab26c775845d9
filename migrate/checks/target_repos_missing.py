"""An enabled source repo whose AlmaLinux counterpart the mirror lacks: its packages cannot
be synced and the repo would fail on the converted host until the mirror carries it."""
from migrate.checks.base import TARGET, WARNING, Check, Problem


class TargetReposMissing(Check):
    id = "TARGET_REPOS_MISSING"
    severity = WARNING
    phase = TARGET
    requires = ("MIRROR_UNREACHABLE",)
    title = "The mirror lacks AlmaLinux counterparts of enabled repositories"
    remediation = ("Mirror the named repositories too, or accept that their packages stay as they "
                   "are; disable them after converting if they are not needed.")

    def evaluate(self, facts, given):
        missing = [r for r in (given.plan or {}).get("repos", []) if r.get("missing")]
        if missing:
            return Problem(", ".join("%s (%s)" % (r["id"], r["url"]) for r in missing),
                           data={"repos": [r["id"] for r in missing]})
        return None
