"""Site hooks: the root's executables of a phase, in name order, chrooted under --root; the
failed ones come back with the last lines of their output."""
import os

from migrate.hooks import HOOKS_DIR, hook_paths, run_hooks, stderr_summary
from migrate.layout import REPORT_FILE
from migrate.root import Root
from tests.kit import FakeRunner, LiveRoot, write


def _hooks(root, phase, *names):
    for name in names:
        write(root, "%s/%s/%s" % (HOOKS_DIR, phase, name), "#!/bin/sh\n")
        os.chmod(root.join("%s/%s/%s" % (HOOKS_DIR, phase, name)), 0o755)
    return ["%s/%s/%s" % (HOOKS_DIR, phase, n) for n in sorted(names)]


def test_only_visible_executable_files_count_in_name_order(tmp_path):
    root = Root(str(tmp_path))
    expected = _hooks(root, "pre-convert", "20-snapshot", "10-stop-services")
    _hooks(root, "pre-convert", ".hidden")
    write(root, HOOKS_DIR + "/pre-convert/30-notes.txt", "not executable\n")
    os.makedirs(root.join(HOOKS_DIR + "/pre-convert/40-dir"))
    assert hook_paths(root, "pre-convert") == expected
    assert hook_paths(root, "post-convert") == []


def test_under_a_root_hooks_run_chrooted_with_the_run_in_their_environment(tmp_path):
    root = Root(str(tmp_path))
    first, second = _hooks(root, "post-convert", "10-repair", "20-notify")
    runner = FakeRunner({("chroot", root.path, first): (0, ""),
                         ("chroot", root.path, second): (1, "", "notify: connection refused\n\n")})
    failed = run_hooks(root, runner, "post-convert", status="converted", exit_code=0)
    assert failed == [(second, 1, "notify: connection refused")]
    env = runner.kwargs[0]["env"]
    assert (env["ALMALINUX_MIGRATE_PHASE"], env["ALMALINUX_MIGRATE_STATUS"], env["ALMALINUX_MIGRATE_EXIT_CODE"]) == (
        "post-convert", "converted", "0")
    assert env["ALMALINUX_MIGRATE_REPORT"] == REPORT_FILE and env["ALMALINUX_MIGRATE_ROOT"] == root.path
    assert all(k["check"] is False for k in runner.kwargs)


def test_on_the_live_host_hooks_run_as_they_are(tmp_path):
    root = LiveRoot(str(tmp_path))
    (hook,) = _hooks(root, "pre-convert", "10-stop-services")
    runner = FakeRunner({(hook,): ""})
    assert run_hooks(root, runner, "pre-convert") == []
    assert "ALMALINUX_MIGRATE_STATUS" not in runner.kwargs[0]["env"]


def test_the_summary_is_the_last_lines_trimmed():
    assert stderr_summary("one\n\n two \nthree\nfour\n") == "two / three / four"
    assert stderr_summary(None) == ""
    assert stderr_summary("x" * 400) == "..." + "x" * 300
