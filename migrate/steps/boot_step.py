"""What every boot step shares: it runs after the transaction, on the live machine only, and
decides from Facts.boot, the one reading of the boot path that the preflight checks saw too.
What a step changes (the default entry, the UEFI entries) it reads again when it acts."""
from migrate.facts.rpmdb import collect_packages
from migrate.steps.base import Step

LAYOUT_CHECK = "BOOT_LAYOUT_UNKNOWN"


class BootContext(object):
    """The profile data, Facts.boot and the installed packages a boot step decides from."""

    def __init__(self, ctx, read_packages):
        self.ctx = ctx
        self.boot = ctx.facts.boot
        self.profile = ctx.target.profile
        self.arch = ctx.source.arch
        self.arch_data = self.profile.boot.get(self.arch, {})
        source = ctx.source.profile
        self.old_efi_dirs = [source.efi_dir] if source is not None and source.efi_dir else []
        self._read_packages = read_packages
        self._packages = None

    @property
    def packages(self):
        """The packages installed now (the transaction has just replaced them)."""
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
    needs = ("facts", "source", "target", "trusted_keys")  # BootContext reads them

    def __init__(self, read_packages=None):
        self.read_packages = read_packages or collect_packages
        self._state = None

    def state(self, ctx, fresh=False):
        if self._state is None or fresh:
            self._state = BootContext(ctx, self.read_packages)
        return self._state

    def skip_reason(self, ctx):
        boot = ctx.facts.boot if ctx.root.is_live else None
        if boot is None:
            return "skipped: not the live machine (--root); the image's boot path is left as it is"
        if boot.container:  # the verdict CONTAINER announced
            return "skipped: running in a container (%s), which boots no kernel of its own" % boot.container
        state = self.state(ctx, fresh=True)
        if not boot.bootloader:
            return "skipped: no known boot loader on %s" % (state.arch or "this architecture")
        return self.not_here(state)

    def not_here(self, state):
        """A reason this boot path does not need the step, or None."""
        return None

    def layout_allowed(self, state):
        return LAYOUT_CHECK in state.ctx.options.allow
