"""What every boot step shares: it runs after the transaction, on the live machine only, and
reads the boot path afresh (the transaction has just changed it)."""
from migrate.boot.collect import collect_boot
from migrate.steps.base import Step

LAYOUT_CHECK = "BOOT_LAYOUT_UNKNOWN"


def _installed_packages(root):
    from migrate.facts.rpmdb import collect_packages

    return collect_packages(root)


class BootContext(object):
    """The profile data and the fresh state a boot step decides from."""

    def __init__(self, ctx, boot, read_packages):
        self.ctx = ctx
        self.boot = boot
        self.profile = ctx.target.profile
        self.arch = ctx.source.arch
        self.arch_data = self.profile.boot.get(self.arch, {})
        source = ctx.source.profile
        self.old_efi_dirs = [source.efi_dir] if source is not None and source.efi_dir else []
        self._read_packages = read_packages
        self._packages = None

    @property
    def packages(self):
        if self._packages is None:
            self._packages = self._read_packages(self.ctx.root)
        return self._packages

    @property
    def trusted_keyids(self):
        return self.ctx.trusted_keyids

    @property
    def esp_dir(self):
        return "/boot/efi/EFI/%s" % self.profile.efi_dir

    @property
    def loader(self):
        """The UEFI entry's loader: \\EFI\\almalinux\\shimx64.efi."""
        return "\\EFI\\%s\\%s" % (self.profile.efi_dir, self.arch_data.get("shim", ""))

    def run(self, argv):
        return self.ctx.runner.run(argv)


class BootStep(Step):
    after_point_of_no_return = True

    def __init__(self, read_packages=None):
        self.read_packages = read_packages or _installed_packages
        self._state = None

    def state(self, ctx, fresh=False):
        if self._state is None or fresh:
            boot = collect_boot(ctx.root, ctx.runner, ctx.source.arch)
            self._state = BootContext(ctx, boot, self.read_packages)
        return self._state

    def skip_reason(self, ctx):
        if not ctx.root.is_live:
            return "skipped: not the live machine (--root); the image's boot path is left as it is"
        state = self.state(ctx, fresh=True)
        if state.boot.container:
            return "skipped: running in a container (%s), which boots no kernel of its own" % state.boot.container
        if not state.boot.bootloader:
            return "skipped: no known boot loader on %s" % (state.arch or "this architecture")
        return self.not_here(state)

    def not_here(self, state):
        """A reason this boot path does not need the step, or None."""
        return None

    def layout_allowed(self, state):
        return LAYOUT_CHECK in state.ctx.options.allow
