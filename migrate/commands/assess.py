"""Facts -> checks -> what-if plan: the part `preflight` and `convert` share."""
import logging

from migrate import faults
from migrate.checks import HOST_CHECKS, SOURCE_CHECKS, TARGET_CHECKS
from migrate.checks.base import BLOCKER, CheckInput, is_blocking, run_checks, skip_reason
from migrate.checks.tainted_modules import named_once
from migrate.facts.collect import collect
from migrate.network.mirror import probe_key
from migrate.network.repomd import probe_repomd
from migrate.plan.resolve import ResolveProblem
from migrate.network.source_updates import source_updates
from migrate.run import Run
from migrate.statuses import Status
from migrate.source import choose_target, identify_source, source_repo_ids
from migrate.trust import Trust, keyids, origin_keys

log = logging.getLogger(__name__)


class Assessment(object):
    def __init__(self, findings, status, skipped):
        self.findings = findings
        self.status = status  # Status.READY | BLOCKED | ALREADY_CONVERTED
        self.skipped = skipped  # [{"id", "reason"}] of the checks that did not run


def target_trust(ctx):
    """Pinned fingerprints plus the configured ones (never the image's own config)."""
    return Trust.for_target(ctx.target.profile, ctx.options)


def probe_source(ctx, given, findings):
    """The source repos' updates, when a source check is to run; the network at most BUDGET s."""
    if all(skip_reason(c, ctx.facts, given, findings) is not None for c in SOURCE_CHECKS):
        return None
    try:
        return source_updates(ctx, source_repo_ids(ctx.facts, ctx.source.profile))
    finally:
        ctx.interrupts.reclaim()  # librepo keeps its own SIGINT handler after a download


def version_missing(ctx, key):
    """A ResolveProblem of kind version_missing when the mirror answers (its key came) but has
    no BaseOS for the target version; None otherwise."""
    if not key.text:
        return None
    required = [r for r in ctx.target.profile.repos if r.get("required")]
    if not required:
        return None
    url = ctx.target.repo_url(required[0]["path"], ctx.source.arch)
    if probe_repomd(url, ctx.options.network) is None:
        return None
    return ResolveProblem("version_missing", "AlmaLinux %s is not on the mirror %s: %srepodata/repomd.xml "
                          "is missing" % (ctx.target.version, ctx.target.mirror, url))


def assess(ctx):
    ctx.run = Run(facts=collect(ctx.root, ctx.runner))  # built here, field by field, from the host
    faults.at_boundary("ASSESS")
    ctx.source = identify_source(ctx.facts, ctx.profiles)
    ctx.target = choose_target(ctx.source, ctx.profiles, ctx.options)
    log.info("source: %s %s (%s) -> target: AlmaLinux %s from %s", ctx.source.name or ctx.source.os_id or "unknown",
             ctx.source.version or "", ctx.source.arch or "?", ctx.target.version or "?", ctx.target.mirror or "?")
    trust = target_trust(ctx)
    if ctx.target.profile is not None:
        ctx.known_keys = origin_keys(trust, ctx.target.profile, [k.text for k in ctx.facts.rpmdb_keys])
    given = CheckInput(ctx.source, ctx.target, ctx.options,
                       origin_keyids=frozenset(keyids(ctx.known_keys)) if ctx.target.profile else None)
    allowed = set(ctx.options.allow)
    skipped = []
    findings = run_checks(HOST_CHECKS, ctx.facts, given, allowed, skipped=skipped)
    given = given._replace(source_updates=probe_source(ctx, given, findings))
    findings += run_checks(SOURCE_CHECKS, ctx.facts, given, allowed, earlier=findings, skipped=skipped)
    already = ctx.source.profile is not None and ctx.source.profile.is_target
    if already or any(is_blocking(f) for f in findings):
        reason = "the host already runs AlmaLinux" if already else "a host check blocks"
        skipped += [{"id": c.id, "reason": reason} for c in TARGET_CHECKS]
    else:
        key = probe_key(ctx.target.key_url, trust, ctx.options.network, copies=ctx.known_keys)
        ctx.key_text, ctx.trusted_keys = key.text, key.trusted
        ctx.known_keys = origin_keys(trust, ctx.target.profile, [k.text for k in ctx.facts.rpmdb_keys]
                                     + [k.armored for k in key.unusable])
        problem = None
        if key.trusted:
            try:
                ctx.transaction.resolve()
            except ResolveProblem as exc:
                problem = version_missing(ctx, key) if exc.kind == "metadata" else None
                problem = problem or exc
        given = given._replace(key=key, plan=ctx.plan, resolve_problem=problem)
        findings += run_checks(TARGET_CHECKS, ctx.facts, given, allowed, earlier=findings, skipped=skipped)
        findings = named_once(findings, ctx.facts)  # each kernel module in its most specific finding
    for item in findings:
        log.info("finding %s (%s%s): %s: %s", item["id"], item["severity"],
                 ", allowed" if item["overridden"] else "", item["title"], item["detail"])
        ctx.events.emit("finding", id=item["id"], severity=item["severity"], title=item["title"],
                        detail=item["detail"], overridden=item["overridden"])
    if ctx.plan is not None:
        ctx.events.emit("plan", counts=dict((k, len(v)) for k, v in ctx.plan.items() if isinstance(v, list)),
                        download_size=ctx.plan.get("download_size"))
    if any(is_blocking(f) for f in findings):
        status = Status.BLOCKED
    elif already and not any(f["severity"] == BLOCKER for f in findings):
        status = Status.ALREADY_CONVERTED
    else:
        status = Status.READY
    return Assessment(findings, status, skipped)
