"""Run the conversion's steps under the journal and turn the outcome into a report: shared by
`convert` (a new run) and `resume` (a run the journal says is unfinished)."""
import uuid

from migrate.commands.journal_keys import recorded_trust
from migrate.commands.reporting import report_for
from migrate.config import Options
from migrate.errors import Blocked, FailedAfterPointOfNoReturn, RollbackIncomplete, RolledBack
from migrate.facts.collect import collect
from migrate.facts.rpmdb import collect_packages
from migrate.findings import raised_finding
from migrate.journal import UNFINISHED, Journal
from migrate.layout import STATE_DIR
from migrate.network.mirror import probe_key
from migrate.run import Run
from migrate.secrets import load_secrets, save_secrets
from migrate.source import Source, Target
from migrate.statuses import Status
from migrate.steps import conversion_phases, conversion_steps
from migrate.steps.engine import run_steps
from migrate.trust import admitted, origin_keys, saved_key_texts
from migrate.verify.config_files import collect_config_leftovers, created_config_files
from migrate.verify.leftovers import find_leftovers


def kernel_names(ctx):
    """Kernel package names of source and target: a foreign one left is the kept fallback."""
    names = {"kernel"}
    for profile in (ctx.source.profile, ctx.target.profile):
        names.update(profile.kernel_packages if profile is not None else ())
    return names


def start_journal(ctx):
    source = dict(ctx.source.as_report())
    target = dict(ctx.target.as_report())
    target["trusted_fingerprints"] = [k.fingerprint for k in ctx.trusted_keys]
    save_secrets(ctx.root, ctx.options)  # before the journal that `resume` looks for
    journal = Journal.start(ctx.root, getattr(ctx, "run_id", None) or uuid.uuid4().hex,
                            ctx.options.as_journal(), source, target, [s.id for s in conversion_steps()])
    journal.data["plan"] = ctx.plan
    journal.data["excluded"] = ctx.excluded or {}
    journal.data["config_files_before"] = collect_config_leftovers(ctx.root)
    journal.save()
    return journal


def unfinished_journal(ctx, command):
    """(journal, None) for a conversion still in progress, else (None, a blocked report).
    A rollback that did not finish is for `rollback` to finish, not for `resume`."""
    journal = Journal.load(ctx.root)
    if journal is not None and journal.data["state"] == "rollback_incomplete" and command != "rollback":
        finding = raised_finding(
            "ROLLBACK_INCOMPLETE", "The journal says rollback_incomplete: some changes before the "
            "point of no return are still in place.")
        return None, report_for(ctx, command, Status.BLOCKED, [finding], journal=journal)
    if journal is not None and journal.data["state"] in UNFINISHED:
        return journal, None
    finding = raised_finding("NO_CONVERSION_IN_PROGRESS", "No unfinished journal under %s." % STATE_DIR,
                             command=command)
    return None, report_for(ctx, command, Status.BLOCKED, [finding], journal=journal)


def restore_context(ctx, journal, need_key=True):
    """Rebuild what a new process needs from the journal: never from the half-converted host.
    The options and a whole new run record (migrate.run.Run) replace whatever ctx had.
    `need_key` False (rollback): what is saved is enough, the network is never asked."""
    trust = recorded_trust(ctx, journal).trust  # the operator's options, not the journal's
    data = journal.data
    options = dict(data["options"])
    for key in ("allow", "extra_fingerprints", "exclude"):
        options[key] = tuple(options.get(key) or ())
    secrets = load_secrets(ctx.root)  # the journal holds them masked
    options.update(secrets)
    ctx.services = ctx.services._replace(options=Options(**dict((k, v) for k, v in options.items()
                                                                if k in Options._fields)))
    src, tgt = data["source"], data["target"]
    profile = next((p for p in ctx.profiles.sources if p.id == src["profile"]), None)
    if profile is not None and src["major"] is not None:
        profile = profile.for_major(src["major"])
    source = Source(profile, src["id"] or "", src["name"] or "", src["version"] or "",
                    src["major"], src["arch"] or "", tuple(src.get("release_packages") or ()))
    target = Target(ctx.profiles.target_for(tgt["major"]), tgt["version"], tgt["major"],
                    secrets.get("mirror") or tgt["mirror"])
    keys = trust.keys_from(saved_key_texts(ctx.key_dir))
    if keys and set(k.fingerprint for k in keys) == trust.fingerprints:
        trusted = admitted(keys, copies=origin_keys(trust, target.profile))
        if not trusted and journal.data.get("point_of_no_return_passed"):
            trusted = keys  # expired since: the downloads were checked before it
    elif not need_key:
        trusted = ()  # rollback: nothing to verify, no network
    else:  # killed before SAVE_TARGET_KEY: fetch it again, trusting only what the run trusted
        key = probe_key(target.key_url, trust, ctx.options.network)
        if not key.trusted:
            raise Blocked("cannot get the trusted signing key again (%s); nothing past the point "
                          "of no return was done: retry `resume` or run `rollback`"
                          % (key.error or "untrusted key at %s" % key.url))
        trusted = key.trusted
    facts = collect(ctx.root, ctx.runner)
    ctx.run = Run(facts=facts, source=source, target=target, trusted_keys=trusted,
                  known_keys=origin_keys(trust, target.profile, [k.text for k in facts.rpmdb_keys]),
                  key_text="".join(k.armored for k in trusted), plan=data.get("plan"),
                  excluded=data.get("excluded"))  # what the run kept out of the sync, as it started


def execute(ctx, journal, command, findings):
    try:
        run_steps(ctx, conversion_phases(), journal)
    except RolledBack as exc:
        findings = list(findings) + ([exc.finding] if getattr(exc, "finding", None) else [])
        return report_for(ctx, command, Status.ROLLED_BACK, findings, journal=journal,
                          message=exc.message)
    except FailedAfterPointOfNoReturn as exc:
        return report_for(ctx, command, Status.FAILED, findings, journal=journal,
                          message=exc.message)
    except RollbackIncomplete as exc:
        findings = list(findings) + ([exc.finding] if getattr(exc, "finding", None) else [])
        return report_for(ctx, command, Status.ROLLBACK_INCOMPLETE, findings, journal=journal,
                          message=exc.message)
    finally:
        ctx.transaction.close()
    # Only the packages: the other facts (boot tools, dependency verify, /proc) are not needed.
    vendors = ctx.source.profile.vendors if ctx.source.profile else []
    kept = ctx.source.profile.kept_packages if ctx.source.profile else []
    leftovers = find_leftovers(collect_packages(ctx.root), ctx.trusted_keyids, vendors, kept,
                               fallback_kernels=kernel_names(ctx), excluded=ctx.excluded or {})
    journal.data["config_files"] = created_config_files(journal.data.get("config_files_before"),
                                                        collect_config_leftovers(ctx.root))
    journal.save()
    return report_for(ctx, command, Status.CONVERTED, findings, journal=journal,
                      leftovers=leftovers, message="Reboot to finish: the running kernel and "
                      "services are still the old ones.")
