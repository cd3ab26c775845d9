"""SET_DEFAULT_KERNEL: the newest AlmaLinux-signed kernel becomes the default boot entry.

A conversion that leaves the old vendor's kernel as default boots it again, and under Secure
Boot a kernel signed by another vendor does not boot at all behind AlmaLinux's shim. The old
kernels stay installed as the fallback (never the running one removed); a missing initramfs
is built first, so the default never points at an entry that cannot boot."""
from migrate.errors import MigrateError
from migrate.plan.boot import choose_kernel, kernel_release
from migrate.steps.boot_step import BootStep


def default_kernel_paths(release):
    return "/boot/vmlinuz-%s" % release, "/boot/initramfs-%s.img" % release


def read_default_kernel(runner):
    """The default entry's kernel now: the transaction's kernel scriptlets may have moved it."""
    result = runner.run(["grubby", "--default-kernel"], check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def target_kernel(state):
    kernel = choose_kernel(state.packages, state.profile.kernel_packages, state.trusted_keyids)
    if kernel is None:
        raise MigrateError(
            "no AlmaLinux kernel is installed (%s signed by a trusted key): install one with "
            "`dnf install %s`"
            % ("/".join(state.profile.kernel_packages), state.profile.kernel_install or "kernel"))
    return kernel_release(kernel)


class SetDefaultKernel(BootStep):
    id = "SET_DEFAULT_KERNEL"
    title = "Make the AlmaLinux kernel the default boot entry"

    def is_done(self, ctx):
        state = self.state(ctx)
        vmlinuz, initramfs = default_kernel_paths(target_kernel(state))
        return read_default_kernel(ctx.runner) == vmlinuz and ctx.root.exists(initramfs)

    def apply(self, ctx):
        state = self.state(ctx)
        release = target_kernel(state)
        vmlinuz, initramfs = default_kernel_paths(release)
        if not ctx.root.exists(vmlinuz):
            raise MigrateError("%s is missing although its package is installed: reinstall the "
                               "kernel-core package" % vmlinuz)
        previous = read_default_kernel(ctx.runner).rsplit("vmlinuz-", 1)[-1]
        if not ctx.root.exists(initramfs):
            state.run(["dracut", "-f", initramfs, release])
        state.run(["grubby", "--set-default", vmlinuz])
        kept = "; %s, the previous default, stays as the fallback" % previous if previous not in ("", release) else ""
        return "default: %s%s" % (release, kept)
