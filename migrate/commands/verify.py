"""verify: is this host AlmaLinux now, and what is still from other vendors."""
from migrate.checks import VERIFY_BOOT_CHECKS, VERIFY_CHECKS
from migrate.checks.base import CheckInput, is_blocking, run_checks
from migrate.checks.root_path_escapes import escape_finding
from migrate.commands.reporting import report_for
from migrate.facts.collect import collect
from migrate.journal import Journal
from migrate.run import Run
from migrate.source import choose_target, identify_source
from migrate.statuses import Status
from migrate.verify.leftovers import find_leftovers
from migrate.verify.panels import run_panel_actions
from migrate.verify.trusted_keys import collect_verify_keys


def run(ctx, boot=False):
    ctx.run = Run(facts=collect(ctx.root, ctx.runner))  # verify reads the host as it is now, never a journal's run
    escape = escape_finding(ctx.facts)
    if escape is not None:
        return report_for(ctx, "verify", Status.BLOCKED, [escape])
    ctx.source = identify_source(ctx.facts, ctx.profiles)
    ctx.target = choose_target(ctx.source, ctx.profiles, ctx.options)
    allowed = set(ctx.options.allow)
    given = CheckInput(ctx.source, ctx.target, ctx.options)
    findings = run_checks(VERIFY_CHECKS, ctx.facts, given, allowed)  # the keys' check waits for the keys
    if any(is_blocking(f) for f in findings):
        return report_for(ctx, "verify", Status.FAILED, findings)
    target_profile = ctx.target.profile
    journal = Journal.load(ctx.root)
    keys = collect_verify_keys(ctx.root, ctx.facts, target_profile, ctx.options, journal)
    ctx.known_keys = keys.keys
    vendors = [v for p in ctx.profiles.sources if not p.is_target for v in p.vendors]
    trusted = keys.keyids
    kept = [n for p in ctx.profiles.sources if not p.is_target for n in p.kept_packages]
    kernels = set(["kernel"]).union(*[set(p.kernel_packages) for p in ctx.profiles.sources])
    leftovers = find_leftovers(ctx.facts.packages, trusted, vendors, kept,
                               fallback_kernels=kernels | set(target_profile.kernel_packages),
                               excluded=(journal.data.get("excluded") or {}) if journal is not None else {})
    given = given._replace(origin_keyids=frozenset(trusted), verify_keys=keys)
    findings = run_checks(VERIFY_CHECKS + (VERIFY_BOOT_CHECKS if boot else ()), ctx.facts, given, allowed)
    findings += run_panel_actions(ctx) if boot else []
    if any(is_blocking(f) for f in findings):
        return report_for(ctx, "verify", Status.FAILED, findings, leftovers=leftovers,
                          message="The boot path is not AlmaLinux's yet.")
    return report_for(ctx, "verify", Status.CONVERTED, findings, leftovers=leftovers)
