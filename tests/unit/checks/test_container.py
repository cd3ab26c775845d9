"""CONTAINER: said up front, from the verdict the boot steps skip on."""
from migrate.checks import HOST_CHECKS
from migrate.checks.base import CheckInput, run_checks
from tests.boot_machines import DETECT_VIRT, live_facts
from tests.factories import situation
from tests.kit import FakeRunner, LiveRoot


def test_container_is_told_and_nothing_else_runs(tmp_path):
    runner = FakeRunner({DETECT_VIRT: "podman\n"})
    facts, source, target, options = situation(live_facts(LiveRoot(str(tmp_path)), runner))
    result = dict((f["id"], f) for f in run_checks(HOST_CHECKS, facts, CheckInput(source, target, options), set()))
    assert result["CONTAINER"]["detail"] == "Detected: podman; the boot steps will be skipped."
    assert "BOOT_LAYOUT_UNKNOWN" not in result and len(runner.calls) == 1
