"""The boot path under --root: every boot step is skipped with a visible note (an image's
firmware and block devices are not the machine's), and `verify --boot` says what it could not
check instead of failing."""
from tests.sandbox.cli import run_cli
from tests.schema import assert_valid_report

BOOT_STEPS = ("SET_DEFAULT_KERNEL", "REGENERATE_BOOT_CONFIG", "INSTALL_BOOTLOADER",
              "UPDATE_EFI_ENTRIES", "VERIFY_BOOT_ENTRY")


def test_boot_steps_are_skipped_under_root_and_verify_boot_says_so(world, mirror, rocky9_root, trust_config):
    result = run_cli(rocky9_root, "convert", "--yes", "--mirror", world.mirror_url(mirror), config=trust_config)
    report = assert_valid_report(result.document)
    assert result.returncode == 0, result
    steps = dict((s["id"], s) for s in report["steps"])
    for step_id in BOOT_STEPS:
        assert steps[step_id]["outcome"] == "skipped"
        assert steps[step_id]["detail"].startswith("skipped: not the live machine")

    verify = run_cli(rocky9_root, "verify", "--boot", config=trust_config)
    document = assert_valid_report(verify.document)
    assert verify.returncode == 0, verify
    # the Rocky and third-party keys stay in the rpmdb: verify names them (info), apart from boot
    assert [f["id"] for f in document["findings"] if f["id"] != "UNTRUSTED_KEYS_IN_RPMDB"] == ["BOOT_NOT_CHECKED"]
