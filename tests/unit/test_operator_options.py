"""Pure parts of the operator options: which installed packages --exclude and versionlock keep
out of the sync, the config key, the reboot decision, the login banner's text, and which
loaded modules lack a build for the AlmaLinux kernel."""
import pytest

from migrate.checks.base import CheckInput, run_checks
from migrate.checks.kernel_modules_missing import KernelModulesMissing, missing_builds
from migrate.checks.versionlock_entries import VersionlockEntries
from migrate.config import merge_options, parse_config
from migrate.errors import ConfigError, UsageError
from migrate.facts.kernel import module_name
from migrate.facts.model import DnfConfig, KernelModule
from migrate.plan.excludes import excluded_names, excludes_for, locked, name_matches
from migrate.plan.model import classify_leftover
from migrate.reboot import REBOOT_ARGV, reboot_argv
from migrate.steps.login_banner import banner_text
from migrate.verify.leftovers import find_leftovers
from tests.factories import make_facts, package, situation
from tests.kit import FakeRunner

INSTALLED = (package("nginx"), package("nginx-mod-http"), package("bash", "5.1.8", "9.el9"),
             package("httpd", "2.4.57", "5.el9", epoch=0), package("kernel-core", "5.14.0", "427.el9"))


def test_patterns_are_name_globs_as_dnf_exclude():
    assert name_matches("nginx-mod-http", ["nginx*"])
    assert not name_matches("nginx", ["NGINX"])  # case-sensitive, as dnf
    assert excluded_names(INSTALLED, ["nginx*", "nomatch"]) == {"nginx": "exclude", "nginx-mod-http": "exclude"}


@pytest.mark.parametrize("entry", ["bash-0:5.1.8-9.el9.*", "bash-5.1.8-9.el9.x86_64", "bash-0:5.1.8-9.el9",
                                   "bash", "bash-5.1.8-*"])
def test_versionlock_spellings_hold_the_installed_package(entry):
    assert locked(package("bash", "5.1.8", "9.el9"), [entry])


def test_versionlock_other_versions_and_bang_entries_hold_nothing():
    bash = package("bash", "5.1.8", "9.el9")
    assert not locked(bash, ["bash-0:5.2.0-1.el9.*"])
    assert not locked(bash, ["!bash-0:5.1.8-9.el9.*"])
    assert not locked(package("bash-completion"), ["bash-0:5.1.8-9.el9.*"])


def test_exclude_wins_over_versionlock_as_the_reason():
    result = excluded_names(INSTALLED, ["httpd"], ["httpd-0:2.4.57-5.el9.*", "bash-0:5.1.8-9.el9.*"])
    assert result == {"bash": "versionlock", "httpd": "exclude"}


def test_ignore_versionlock_drops_the_locks_only():
    facts = make_facts(packages=INSTALLED, dnf_config=DnfConfig(versionlock=("bash-0:5.1.8-9.el9.*",)))
    _, _, _, options = situation(facts, exclude=("nginx",))
    assert excludes_for(facts, options) == {"bash": "versionlock", "nginx": "exclude"}
    _, _, _, ignoring = situation(facts, exclude=("nginx",), ignore_versionlock=True)
    assert excludes_for(facts, ignoring) == {"nginx": "exclude"}


def test_config_and_command_line_excludes_add_up_once():
    config = parse_config('[packages]\nexclude = ["nginx*", "php*"]\n', "c.toml")
    assert merge_options(config, exclude=["php*", "mariadb*"]).exclude == ("nginx*", "php*", "mariadb*")
    with pytest.raises(ConfigError):
        parse_config('[packages]\nexclude = "nginx"\n', "c.toml")
    with pytest.raises(UsageError):
        merge_options(parse_config("", "c.toml"), exclude=[" "])


def test_excluded_leftovers_say_so():
    pkg = package("nginx", vendor="Rocky Enterprise Software Foundation")
    assert classify_leftover(pkg, ["Rocky Enterprise Software Foundation"], excluded={"nginx": "exclude"}) == "excluded"
    left = find_leftovers([pkg, package("bash")], set(), ["Rocky Enterprise Software Foundation"],
                          excluded={"nginx": "exclude"})
    assert [(e["name"], e["reason"]) for e in left] == [("nginx", "excluded"), ("bash", "no_counterpart")]


@pytest.mark.parametrize("live,requested,command,status,written,expected", [
    (True, True, "convert", "converted", True, list(REBOOT_ARGV)),
    (True, True, "resume", "converted", True, list(REBOOT_ARGV)),
    (False, True, "convert", "converted", True, None),  # --root: never this machine
    (True, False, "convert", "converted", True, None),  # opt-in only
    (True, True, "convert", "failed", True, None),
    (True, True, "convert", "blocked", True, None),
    (True, True, "preflight", "ready", True, None),
    (True, True, "convert", "converted", False, None),  # the report is not on disk
])
def test_reboot_decision(live, requested, command, status, written, expected):
    assert reboot_argv(live, requested, command, status, written) == expected


def test_banner_names_the_state_and_the_commands():
    text = banner_text("9.4")
    assert "AlmaLinux 9.4" in text and "UNFINISHED or FAILED" in text
    assert "almalinux-migrate resume" in text and "almalinux-migrate status" in text


def test_module_file_names():
    assert module_name("nvidia-drm.ko.xz") == "nvidia_drm"
    assert module_name("zfs.ko") == "zfs"
    assert module_name("modules.dep") is None


LOADED = (KernelModule("zfs", "POE"), KernelModule("vboxdrv", "OE"), KernelModule("acme_nic", "O"),
          KernelModule("xfs", ""), KernelModule("nvidia", "PO"))


def test_missing_builds_counts_kmods_files_and_dkms():
    builds = (("5.14.0-427.el9.x86_64", ("vboxdrv",)), ("5.14.0-362.el9.x86_64", ("acme_nic",)))
    missing = missing_builds(LOADED, "5.14.0-427.el9.x86_64", builds, ["zfs"], ["nvidia/535.104.05"])
    assert missing == ["acme_nic"]  # built only for another kernel; xfs is in-tree
    assert missing_builds(LOADED, None, builds, [], []) == []  # no kernel in the plan: nothing to say


def test_kernel_modules_missing_is_skipped_under_root():
    facts = make_facts(is_live=False, loaded_modules=None)
    _, source, target, options = situation(facts)
    skipped = []
    given = CheckInput(source, target, options, plan={"target_kernel": "5.14.0-427.el9.x86_64", "kmods": []})
    assert run_checks([KernelModulesMissing()], facts, given, set(), skipped=skipped) == []
    assert skipped == [{"id": "KERNEL_MODULES_MISSING", "reason": "needs the live machine, not --root"}]


def test_kernel_modules_missing_names_module_and_kernel():
    facts = make_facts(loaded_modules=LOADED, module_builds=())
    _, source, target, options = situation(facts)
    given = CheckInput(source, target, options, plan={"target_kernel": "5.14.0-427.el9.x86_64", "kmods": ["zfs"]})
    problem = KernelModulesMissing().evaluate(facts, given)
    assert problem.data == {"modules": ["acme_nic", "nvidia", "vboxdrv"], "kernel": "5.14.0-427.el9.x86_64"}


def test_versionlock_finding_tells_whether_the_locks_hold():
    facts = make_facts(dnf_config=DnfConfig(versionlock=("bash-0:5.1.8-9.el9.*",), versionlock_enabled=True))
    for ignore, words in ((False, "held back"), (True, "--ignore-versionlock")):
        _, source, target, options = situation(facts, ignore_versionlock=ignore)
        problem = VersionlockEntries().evaluate(facts, CheckInput(source, target, options))
        assert words in problem.detail and problem.data["honoured"] is (not ignore)


UPCP = ("/usr/local/cpanel/scripts/upcp", "--force")
CHECK = ("/usr/local/cpanel/scripts/check", "--fix")
PLESK = ("/usr/sbin/plesk", "repair")


def _chrooted(root, answers):
    """The kit's runner answering these panel commands as run under --root: nothing else."""
    return FakeRunner(dict((("chroot", root.path) + argv, answer) for argv, answer in answers.items()))


class _Ctx(object):
    def __init__(self, root, runner):
        self.root, self.runner, self.told = root, runner, []
        self.options = None

    def progress(self, step, done, total, unit, current=None):
        self.told.append((step, done, total))


def test_pending_panel_actions_run_with_a_timeout_and_failures_stay(tmp_path):
    from migrate.root import Root
    from migrate.runner import TIMED_OUT
    from migrate.steps.run_panel_actions import pending_actions, save_pending
    from migrate.verify.panels import run_panel_actions

    root = Root(str(tmp_path))
    for tool in ("upcp", "check"):
        root.write_text("/usr/local/cpanel/scripts/" + tool, "#!/bin/sh\n")
    save_pending(root, [{"panel": "cPanel", "argv": ["/usr/local/cpanel/scripts/upcp", "--force"]},
                        {"panel": "cPanel", "argv": ["/usr/local/cpanel/scripts/check", "--fix"]},
                        {"panel": "Plesk", "argv": ["/usr/sbin/plesk", "repair"]}])
    runner = _chrooted(root, {UPCP: (TIMED_OUT, ""), CHECK: ""})
    ctx = _Ctx(root, runner)
    findings = run_panel_actions(ctx, timeout=60)
    assert [f["id"] for f in findings] == ["PANEL_ACTIONS_FAILED"]
    outcomes = findings[0]["data"]["outcomes"]
    assert outcomes == ["cPanel: /usr/local/cpanel/scripts/upcp --force: FAILED (timed out after 60s)",
                        "cPanel: /usr/local/cpanel/scripts/check --fix: ok",
                        "Plesk: /usr/sbin/plesk repair: missing"]
    assert [c[:2] for c in runner.calls] == [["chroot", str(tmp_path)]] * 2  # --root: chrooted
    assert all(k["timeout"] == 60 for k in runner.kwargs)
    assert ctx.told[-1] == ("PANEL_ACTIONS", 3, 3)
    assert [a["argv"][0] for a in pending_actions(root)] == ["/usr/local/cpanel/scripts/upcp", "/usr/sbin/plesk"]
    ctx2 = _Ctx(root, _chrooted(root, {UPCP: "", PLESK: ""}))
    root.write_text("/usr/sbin/plesk", "#!/bin/sh\n")
    assert [f["id"] for f in run_panel_actions(ctx2)] == ["PANEL_ACTIONS_DONE"]
    assert pending_actions(root) == [] and run_panel_actions(ctx2) == []
