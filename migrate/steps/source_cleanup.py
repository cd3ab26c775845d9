"""What a source leaves that the transaction cannot handle: a Red Hat subscription to end,
repo files that would point at the old vendor again, and the admin's edits that the release
swap replaced (/etc/issue, alternatives links). All after the point of no return, offline, and
idempotent: each checks before it acts."""
import os

from migrate.steps.base import Step

CONSUMER_CERT = "/etc/pki/consumer/cert.pem"  # present while subscription-manager is registered
REPOS_DIR = "/etc/yum.repos.d"
ASIDE_SUFFIX = ".almalinux-migrate-disabled"  # no longer *.repo: dnf ignores it
# %config(noreplace) files the release swap replaces: rpm saved the admin's edit as .rpmsave.
EDITED_FILES = ("/etc/issue", "/etc/issue.net", "/etc/motd")
ALTERNATIVES = "/etc/alternatives"


def rename_aside(root, directory, names, suffix):
    """Rename directory/name to directory/name+suffix for each name; returns the detail."""
    for name in names:
        path = root.join("%s/%s" % (directory, name))
        os.rename(path, path + suffix)
    return "moved aside: %s" % ", ".join(names)


def _rhsm_applies(ctx):
    profile = ctx.source.profile
    return bool(profile is not None and profile.unregister == "rhsm" and not ctx.options.keep_rhsm)


class UnregisterSubscription(Step):
    """RHEL: end the subscription before subscription-manager is removed. Best effort: it needs
    Red Hat's servers, which the conversion must not depend on; a failure is reported, not fatal.
    Only on the live host: under --root the subscription belongs to whoever runs that system."""

    id = "UNREGISTER_SUBSCRIPTION"
    title = "Unregister from Red Hat Subscription Management"
    after_point_of_no_return = True

    def applies(self, ctx):
        return _rhsm_applies(ctx)

    def is_done(self, ctx):
        return not ctx.root.exists(CONSUMER_CERT)

    def apply(self, ctx):
        if not ctx.root.is_live:
            return "registered, but not the live host: left to its owner"
        result = ctx.runner.run(["subscription-manager", "unregister"], check=False)
        if result.returncode != 0:
            return "unregister failed (exit %d), continuing: %s" % (
                result.returncode, (result.stderr or result.stdout).strip()[:200])
        return "unregistered"


class SetAsideRepoFiles(Step):
    """RHEL: redhat.repo/ubi.repo would bring the CDN back; renamed, not deleted."""

    id = "SET_ASIDE_REPO_FILES"
    title = "Move the source's own repo files aside"
    after_point_of_no_return = True

    def _present(self, ctx):
        return [n for n in ctx.source.profile.repo_files_aside
                if ctx.root.exists("%s/%s" % (REPOS_DIR, n))]

    def applies(self, ctx):
        return bool(ctx.source.profile is not None and ctx.source.profile.repo_files_aside
                    and not ctx.options.keep_rhsm)

    def is_done(self, ctx):
        return not self._present(ctx)

    def apply(self, ctx):
        return rename_aside(ctx.root, REPOS_DIR, self._present(ctx), ASIDE_SUFFIX)


def restore_edited_files(root):
    """Put back the admin's edited /etc/issue & co: AlmaLinux's copy is kept as .rpmnew."""
    restored = []
    for path in EDITED_FILES:
        saved = path + ".rpmsave"
        if root.exists(saved):
            if root.exists(path):
                os.replace(root.join(path), root.join(path + ".rpmnew"))
            os.replace(root.join(saved), root.join(path))
            restored.append(path)
    return restored


def restore_alternatives(root, backup_dir):
    """Recreate /etc/alternatives links the sync dropped whose target still exists."""
    saved = os.path.join(backup_dir, "files", ALTERNATIVES.lstrip("/"))
    restored = []
    if not os.path.isdir(saved):
        return restored
    for name in sorted(os.listdir(saved)):
        link = os.path.join(saved, name)
        live = "%s/%s" % (ALTERNATIVES, name)
        if not os.path.islink(link) or os.path.lexists(root.join(live)):
            continue
        target = os.readlink(link)
        if root.exists(target):
            os.symlink(target, root.join(live))
            restored.append(name)
    return restored


class RestoreEdits(Step):
    id = "RESTORE_EDITS"
    title = "Restore edited issue files and dropped alternatives"
    after_point_of_no_return = True

    def apply(self, ctx):
        files = restore_edited_files(ctx.root)
        links = restore_alternatives(ctx.root, os.path.join(ctx.workdir, "backup"))
        return "restored %s" % (", ".join(files + ["alternatives/" + n for n in links]) or "nothing")


def enable_sections(text, repo_ids):
    """Set enabled=1 in the [id] sections of a .repo file text (adding it when absent)."""
    return set_enabled(text, repo_ids, True)


def set_enabled(text, repo_ids, enabled):
    """Set enabled=1 (or 0) in the [id] sections of a .repo file text (added when absent)."""
    value = "enabled=%d\n" % (1 if enabled else 0)
    out, current, seen = [], None, False
    for line in text.splitlines(True):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            if current in repo_ids and not seen:
                out.append(value)
            current, seen = stripped[1:-1], False
        elif current in repo_ids and stripped.replace(" ", "").startswith("enabled="):
            out.append(value)
            seen = True
            continue
        out.append(line)
    if current in repo_ids and not seen:
        out.append(value if text.endswith("\n") or not text else "\n" + value)
    return "".join(out)


class EnableMappedRepos(Step):
    """The AlmaLinux counterparts of the source's enabled repos (crb, powertools, ha, ...) were
    in the transaction; they stay enabled in the installed AlmaLinux repo files."""

    id = "ENABLE_MAPPED_REPOS"
    title = "Enable the AlmaLinux counterparts of the source's enabled repos"
    after_point_of_no_return = True

    def _wanted(self, ctx):
        default = set(r["id"] for r in ctx.target.profile.repos if r.get("enabled"))
        return set(r["id"] for r in (ctx.plan or {}).get("repos", [])
                   if not r.get("missing") and r["id"] not in default)

    def applies(self, ctx):
        return bool(self._wanted(ctx))

    def apply(self, ctx):
        wanted, changed = self._wanted(ctx), []
        for name in ctx.root.listdir(REPOS_DIR):
            if not name.endswith(".repo"):
                continue
            path = "%s/%s" % (REPOS_DIR, name)
            text = ctx.root.read_text(path)
            new = enable_sections(text, wanted)
            if new != text:
                ctx.root.write_text(path, new)
                changed.append(name)
        return "enabled %s in %s" % (", ".join(sorted(wanted)), ", ".join(changed) or "no file")


SSSD_DB = "/var/lib/sss/db"


class SetSssdCacheAside(Step):
    """After a downgrade (CentOS Stream) the older sssd cannot read the newer cache and denies
    logins: the cache files are renamed, sssd rebuilds them at start."""

    id = "SET_SSSD_CACHE_ASIDE"
    title = "Move the SSSD cache aside after a downgrade"
    after_point_of_no_return = True

    def _caches(self, ctx):
        return sorted(n for n in ctx.root.listdir(SSSD_DB) if n.startswith("cache_") and n.endswith(".ldb"))

    def applies(self, ctx):
        return bool((ctx.plan or {}).get("downgraded")) and bool(self._caches(ctx))

    def is_done(self, ctx):
        return not self._caches(ctx)

    def apply(self, ctx):
        return rename_aside(ctx.root, SSSD_DB, self._caches(ctx), ".almalinux-migrate-bak")
