import io

from migrate.report.document import build_report, empty_source, empty_target
from migrate.report.text import footer, header, render_report
from migrate.findings import command_finding


def _report(command, status, findings=(), message=None, exit_code=0, source=None, target=None):
    return build_report(command, status, source or empty_source(), target or empty_target(), findings,
                        exit_code=exit_code, message=message)


ROCKY = {"id": "rocky", "name": "Rocky Linux", "version": "9.4", "major": 9, "arch": "x86_64"}
ALMA = {"id": "almalinux", "name": "AlmaLinux", "version": "9", "major": 9}


def test_header_with_nothing_known_has_no_question_marks():
    text = header(_report("rollback", "blocked"))
    assert "?" not in text and "unknown" not in text and "->" not in text


def test_header_names_source_arch_and_target():
    text = header(_report("convert", "converted", source=ROCKY, target=ALMA))
    assert "Rocky Linux 9.4 (x86_64) -> AlmaLinux 9" in text


def test_rollback_past_point_of_no_return_never_says_nothing_changed():
    finding = command_finding("PAST_POINT_OF_NO_RETURN", "t", "d", "r")
    _, text = footer(_report("rollback", "blocked", [finding], exit_code=3))
    assert "nothing was changed" not in text.lower() and "resume" in text


def test_blocked_preflight_says_nothing_changed():
    _, text = footer(_report("preflight", "blocked", exit_code=3))
    assert "nothing was changed" in text


def test_unconfirmed_convert_says_so():
    _, text = footer(_report("convert", "ready", message="Not confirmed: nothing was changed."))
    assert text == "Not confirmed: nothing was changed."


def test_render_lists_config_files_and_fallback_kernel():
    report = _report("convert", "converted", source=ROCKY, target=ALMA)
    report["config_files"] = [{"path": "/etc/ssh/sshd_config.rpmnew", "kind": "rpmnew"}]
    report["leftovers"] = [{"name": "kernel-core", "nevra": "kernel-core-5.14.0-1.el9.x86_64",
                            "vendor": "Rocky", "reason": "fallback_kernel"}]
    out = io.StringIO()
    render_report(report, out)
    assert "/etc/ssh/sshd_config.rpmnew" in out.getvalue()
    assert "kernel-core (fallback kernel)" in out.getvalue()


def test_header_of_an_almalinux_host_has_no_arrow():
    alma = dict(ROCKY, id="almalinux", name="AlmaLinux")
    assert "->" not in header(_report("verify", "converted", source=alma, target=ALMA))
