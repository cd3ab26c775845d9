"""The check framework: small units with a stable ID that read facts and return a Problem.

IDs are public (reports, --allow, panels' scripts): never renamed, never reused."""
import logging
from typing import NamedTuple, Optional

from migrate.findings import BLOCKER, INFO, WARNING, command_finding, make_finding  # the checks take severities from here
from migrate.layout import LOG_FILE

log = logging.getLogger(__name__)

HOST, TARGET = "host", "target"  # target checks need the mirror probe and the what-if
SOURCE = "source"  # after the host checks, before the target: reads the source's own repos
VERIFY = "verify"  # `verify`: the converted host, after the reboot


class Problem(NamedTuple):
    detail: str
    severity: Optional[str] = None  # overrides the check's own severity
    data: Optional[dict] = None  # machine-readable extras for the report


class CheckInput(NamedTuple):
    """What a check may read besides Facts: decisions already made from them."""

    source: object
    target: object
    options: object
    key: object = None  # network.mirror.KeyProbe
    plan: Optional[dict] = None
    resolve_problem: object = None  # plan.resolve.ResolveProblem
    source_updates: object = None  # network.source_updates.SourceUpdates; None: not probed
    origin_keyids: Optional[frozenset] = None  # key IDs proving AlmaLinux origin (migrate.trust)
    verify_keys: object = None  # verify.trusted_keys.VerifyKeys; `verify` only


class Check(object):
    id = ""
    title = ""
    severity = BLOCKER
    remediation = ""
    overridable = False
    requires = ()  # check IDs that must not have blocked
    needs_live = False  # skipped under --root
    conversion_only = False  # skipped on a host that already runs the target: nothing to prepare
    phase = HOST
    verify_boot_only = False  # VERIFY phase: run by `verify --boot` only (the rebooted machine)
    # docs/checks.md's table (migrate.checks.docs): the severity and live-only cells when the
    # plain value does not say it all (a case that raises or lowers it, a part that runs anyway).
    severity_doc = None
    live_doc = None

    def evaluate(self, facts, given):
        raise NotImplementedError

    def unavailable(self, facts, given):
        """Why this check could not look this time (best-effort input missing), or None."""
        return None


def finding(check, problem, allowed):
    severity = problem.severity or check.severity
    overridden = severity == BLOCKER and check.overridable and check.id in allowed
    result = make_finding(check.id, severity, check.title, problem.detail, check.remediation,
                          check.overridable, overridden)
    if problem.data:
        result["data"] = problem.data
    return result


def crash_finding(check, exc):
    return command_finding(check.id, "The check %s failed with an internal error" % check.id,
                           "%s: %s (a bug; the log has the traceback)" % (type(exc).__name__, exc),
                           "Report this with %s." % LOG_FILE)


def skip_reason(check, facts, given, findings):
    """Why a check does not run here, or None when it does."""
    if check.conversion_only and already_converted(given):
        return "the host already runs AlmaLinux"
    if check.needs_live and not facts.is_live:
        return "needs the live machine, not --root"
    blocking = [f["id"] for f in findings if is_blocking(f) and f["id"] in check.requires]
    if blocking:
        return "%s blocks" % ", ".join(blocking)
    return None


def run_checks(checks, facts, given, allowed, earlier=(), skipped=None):
    """Findings of every applicable check, in order; a crashing check becomes a blocker.
    Each check that does not run is added to `skipped` as {"id", "reason"}."""
    findings = list(earlier)
    for check in checks:
        reason = skip_reason(check, facts, given, findings) or check.unavailable(facts, given)
        if reason is not None:
            log.debug("check %s skipped: %s", check.id, reason)
            if skipped is not None:
                skipped.append({"id": check.id, "reason": reason})
            continue
        try:
            problem = check.evaluate(facts, given)
        except Exception as exc:  # a bug in one check must not hide the others
            log.exception("check %s crashed", check.id)
            findings.append(crash_finding(check, exc))
            continue
        if problem is not None:
            findings.append(finding(check, problem, allowed))
    return findings[len(earlier):]


def already_converted(given):
    profile = getattr(given.source, "profile", None)
    return profile is not None and bool(profile.is_target)


def is_blocking(item):
    return item["severity"] == BLOCKER and not item["overridden"]


def summarize(names, limit=20):
    """'a, b, c and 12 more': long lists stay readable; the report's data keeps them all."""
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (" and %d more" % (len(names) - limit) if len(names) > limit else "")
