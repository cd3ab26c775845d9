"""--third-party disable: repos that are neither the source's nor AlmaLinux's are switched off
for the transaction and switched back on right after it, so nothing that runs inside the
transaction (scriptlets, plugins) can reach them. The transaction itself never reads any repo
file of the host: with `keep` (the default) they simply stay as they are. Both are reported."""
import json

from migrate.layout import THIRD_PARTY_DISABLED
from migrate.source import third_party_sections
from migrate.steps.base import Step
from migrate.steps.repo_files import read_repo_text, set_enabled, write_repo_text

STATE_FILE = THIRD_PARTY_DISABLED


def _switch(ctx, sections, enabled):
    by_file = {}
    for path, repo_id in sections:
        by_file.setdefault(path, set()).add(repo_id)
    for path, ids in sorted(by_file.items()):
        if ctx.root.exists(path):
            text = read_repo_text(ctx.root, path)
            new = set_enabled(text, ids, enabled)
            if new != text:
                write_repo_text(ctx.root, path, new)


class DisableThirdPartyRepos(Step):
    id = "DISABLE_THIRD_PARTY_REPOS"
    title = "Switch third-party repos off for the transaction (--third-party disable)"
    needs = ("facts", "source")

    def applies(self, ctx):
        return ctx.options.third_party == "disable" and ctx.source.profile is not None

    def apply(self, ctx):
        if ctx.root.exists(STATE_FILE):  # a resumed run: the list of the first one counts
            sections = [tuple(s) for s in json.loads(ctx.root.read_text(STATE_FILE))]
        else:
            sections = third_party_sections(ctx.facts, ctx.source.profile)
            ctx.root.write_text(STATE_FILE, json.dumps(sections))
        _switch(ctx, sections, False)
        return "disabled %s" % (", ".join(r for _, r in sections) or "nothing")


class EnableThirdPartyRepos(Step):
    id = "ENABLE_THIRD_PARTY_REPOS"
    title = "Switch the third-party repos back on"

    def applies(self, ctx):
        return ctx.options.third_party == "disable"

    def apply(self, ctx):
        if not ctx.root.exists(STATE_FILE):
            return "nothing was disabled"
        sections = [tuple(s) for s in json.loads(ctx.root.read_text(STATE_FILE))]
        _switch(ctx, sections, True)
        ctx.root.remove(STATE_FILE)
        return "re-enabled %s" % (", ".join(r for _, r in sections) or "nothing")
