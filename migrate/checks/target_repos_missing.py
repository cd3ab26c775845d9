"""A target repo the mirror cannot serve (HTTP error, dropped connection, timeout, checksum
mismatch). When an enabled source repo maps to it, converting anyway is half a conversion:
that repo's packages stay the old vendor's. So it blocks (overridable: an internal mirror may
carry only some repos on purpose). A default AlmaLinux repo no enabled source repo maps to
only warns: nothing installed depends on it."""
from migrate.checks.base import BLOCKER, TARGET, WARNING, Check, Problem


def sources_by_target(facts, source):
    """{target repo id: [enabled source repo ids mapped to it]}."""
    repo_map = source.profile.repo_map_for(source.arch) if source.profile else {}
    mapped = {}
    for section in facts.repos:
        if section.enabled and section.repo_id in repo_map:
            mapped.setdefault(repo_map[section.repo_id], []).append(section.repo_id)
    return mapped


def staying_foreign(plan, origins, loaded_source_repos):
    """The plan's left_alone packages of the source vendor (no counterpart), except those dnf
    recorded as installed from a source repo whose counterpart did load: what the missing
    repos may cost. `origins`: {nevra: repo id} from dnf's history."""
    return sorted(set(e["name"] for e in plan.get("left_alone", [])
                      if e.get("reason") == "no_counterpart"
                      and origins.get(e["nevra"]) not in loaded_source_repos))


class TargetReposMissing(Check):
    id = "TARGET_REPOS_MISSING"
    severity = BLOCKER
    severity_doc = "blocker; warning when no enabled source repo maps to the missing repo"
    overridable = True
    phase = TARGET
    requires = ("MIRROR_UNREACHABLE",)
    title = "The mirror cannot serve AlmaLinux counterparts of enabled repositories"
    remediation = ("Mirror the named repositories too (or repair them: a checksum mismatch is a "
                   "half-synced mirror), then run preflight again; to convert anyway and keep "
                   "their packages as they are, pass --allow TARGET_REPOS_MISSING.")

    def evaluate(self, facts, given):
        plan = given.plan or {}
        missing = [r for r in plan.get("repos", []) if r.get("missing")]
        if not missing:
            return None
        mapped = sources_by_target(facts, given.source)
        missing_ids = set(r["id"] for r in missing)
        loaded = set(s for target_id, ids in mapped.items() if target_id not in missing_ids for s in ids)
        origins = dict(facts.package_origins or ())
        lines, repos, blocking, foreign = [], [], False, set()
        for repo in missing:
            sources = mapped.get(repo["id"], [])
            line = "%s (%s): %s" % (repo["id"], repo["url"], repo.get("error") or "not on the mirror")
            if sources:
                blocking = True
                stay = staying_foreign(plan, origins, loaded)
                foreign.update(stay)
                line += "; enabled source repo %s maps to it" % ", ".join(sources)
                if stay:
                    line += "; would stay foreign: %s" % ", ".join(stay)
            else:
                line += "; no enabled source repo maps to it"
            lines.append(line)
            repos.append({"id": repo["id"], "url": repo["url"], "error": repo.get("error"),
                          "source_repos": sources})
        return Problem("\n".join(lines), severity=BLOCKER if blocking else WARNING,
                       data={"repos": repos, "packages": sorted(foreign)})
