"""After a downgrade (CentOS Stream) the older sssd cannot read the newer cache and denies
logins: the cache files are renamed, sssd rebuilds them at start."""
from migrate.steps.base import Step
from migrate.steps.repo_files import rename_aside

SSSD_DB = "/var/lib/sss/db"


class SetSssdCacheAside(Step):
    id = "SET_SSSD_CACHE_ASIDE"
    title = "Move the SSSD cache aside after a downgrade"
    needs = ("plan",)

    def _caches(self, ctx):
        return sorted(n for n in ctx.root.listdir(SSSD_DB) if n.startswith("cache_") and n.endswith(".ldb"))

    def applies(self, ctx):
        return bool((ctx.plan or {}).get("downgraded")) and bool(self._caches(ctx))

    def is_done(self, ctx):
        return not self._caches(ctx)

    def apply(self, ctx):
        return rename_aside(ctx.root, SSSD_DB, self._caches(ctx), ".almalinux-migrate-bak")
