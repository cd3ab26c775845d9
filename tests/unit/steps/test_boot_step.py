"""BootStep: every boot step skips on the same Facts.boot the preflight checks read (one
container verdict, one Secure Boot verdict), and decides from it; their order: test_steps.py."""
import os

import pytest

from migrate import journal as J
from migrate.checks import HOST_CHECKS
from migrate.checks.base import CheckInput, run_checks
from migrate.errors import FailedAfterPointOfNoReturn
from migrate.root import Root
from migrate.steps import BOOT
from tests.boot_machines import (DETECT_VIRT, SDA_CHANGES, boot_ctx, boot_packages, changes, live_facts,
                                 output, run_boot, uefi_machine, write)
from tests.factories import FIXTURES, mount, situation
from tests.kit import FakeRunner, LiveRoot

BOOT_STEP_IDS = [cls.id for cls in BOOT]
SECURE_BOOT_VAR = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c"


def host_findings(facts):
    facts, source, target, options = situation(facts)
    return dict((f["id"], f) for f in run_checks(HOST_CHECKS, facts, CheckInput(source, target, options), set()))


def test_container_skips_every_boot_step_with_a_note(tmp_path):
    root = LiveRoot(str(tmp_path))
    runner = FakeRunner({DETECT_VIRT: output("container", "detect-virt-docker.txt")})
    outcomes = run_boot(boot_ctx(root, runner, live_facts(root, runner)), boot_packages())
    assert runner.calls == [list(DETECT_VIRT)]  # the verdict, read once; nothing else
    assert all(outcomes[i] == (J.SKIPPED, "skipped: running in a container (docker), which boots no "
                               "kernel of its own") for i in BOOT_STEP_IDS)


def test_dockerenv_alone_is_a_container(tmp_path):
    root = LiveRoot(str(tmp_path))
    write(root, "/.dockerenv")
    runner = FakeRunner({})
    outcomes = run_boot(boot_ctx(root, runner, live_facts(root, runner)), boot_packages())
    assert outcomes["SET_DEFAULT_KERNEL"][1].startswith("skipped: running in a container (docker)")
    assert runner.calls == []


def test_under_root_no_tool_runs(tmp_path):
    runner = FakeRunner({})
    root = Root(str(tmp_path))
    outcomes = run_boot(boot_ctx(root, runner, live_facts(root, runner, is_live=False)), boot_packages())
    assert runner.calls == []
    assert all(outcomes[i][1].startswith("skipped: not the live machine") for i in BOOT_STEP_IDS)


def test_an_lxc_container_only_proc_tells_is_announced_and_skipped_alike(tmp_path):
    """lxcfs mounted, systemd-detect-virt answering none: before, CONTAINER announced "boot steps
    skipped" from one detection while the steps asked another and ran."""
    root = LiveRoot(str(tmp_path))
    runner = FakeRunner({DETECT_VIRT: (1, output("container", "detect-virt-none.txt"))})
    lxcfs = (mount("/"), mount("/proc/meminfo", "fuse.lxcfs", source="lxcfs"))
    facts = live_facts(root, runner, mounts=lxcfs)
    assert host_findings(facts)["CONTAINER"]["detail"] == "Detected: lxc; the boot steps will be skipped."
    outcomes = run_boot(boot_ctx(root, runner, facts), boot_packages())
    assert all(outcomes[i][1].startswith("skipped: running in a container (lxc)") for i in BOOT_STEP_IDS)
    assert changes(runner) == []


def test_secure_boot_is_one_verdict_for_the_check_and_the_step(tmp_path):
    """efivars say Secure Boot is on while mokutil would say off: before, SECURE_BOOT took the
    efivars and VERIFY_BOOT_ENTRY mokutil, so a foreign shim passed the step. Now mokutil is asked
    only when the variable cannot be read, and both go by the one answer."""
    root, runner, mounts = uefi_machine(tmp_path, "uefi-nvme")  # its mokutil says disabled
    with open(os.path.join(FIXTURES, "output", "efivar-SecureBoot.enabled.bin"), "rb") as handle:
        os.makedirs(os.path.dirname(root.join(SECURE_BOOT_VAR)))
        with open(root.join(SECURE_BOOT_VAR), "wb") as var:
            var.write(handle.read())
    facts = live_facts(root, runner, mounts=mounts)
    assert facts.boot.secure_boot is True and not runner.ran(["mokutil"])
    assert host_findings(facts)["SECURE_BOOT"]["data"]["secure_boot"] is True
    ctx = boot_ctx(root, runner, facts)
    ctx.runner.expect(*SDA_CHANGES[:2])
    ctx.runner.prefixes[("efibootmgr",)] = lambda argv: ""
    with pytest.raises(FailedAfterPointOfNoReturn) as caught:
        run_boot(ctx, boot_packages(foreign_shim=True))
    assert "still signed by another vendor: shim-x64" in caught.value.message
