"""RHEL unregistration (live host only, skipped with --keep-rhsm), redhat.repo set aside, and
the admin's /etc/issue edits and alternatives links restored after the sync."""
import os

from migrate.config import Options
from migrate.layout import STATE_DIR
from migrate.root import Root
from migrate.steps.restore_edits import RestoreEdits
from migrate.steps.set_aside_repo_files import SetAsideRepoFiles
from migrate.steps.unregister_subscription import CONSUMER_CERT, UnregisterSubscription
from tests.factories import profiles


class LiveRoot(Root):
    is_live = True  # a directory standing in for "/": nothing here touches this machine


class FakeRunner(object):
    def __init__(self, returncode=0):
        self.calls, self.returncode = [], returncode

    def run(self, argv, check=True, **_):
        self.calls.append(list(argv))
        return type("R", (), {"returncode": self.returncode, "stdout": "", "stderr": "offline"})()


class Ctx(object):
    def __init__(self, root, profile_id="rhel", **options):
        self.root = root
        self.runner = FakeRunner()
        self.options = Options(**options)
        profile = [p for p in profiles().sources if p.id == profile_id][0].for_major(9)
        self.source = type("S", (), {"profile": profile})()
        self.workdir = root.join(STATE_DIR)

    def state_path(self, path, *names):
        return self.root.join("/".join((path,) + names))


def write(root, path, text):
    full = root.join(path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as handle:
        handle.write(text)


def test_registered_live_rhel_host_is_unregistered(tmp_path):
    ctx = Ctx(LiveRoot(str(tmp_path)))
    write(ctx.root, CONSUMER_CERT, "cert")
    step = UnregisterSubscription()
    assert step.applies(ctx) and not step.is_done(ctx)
    assert step.apply(ctx) == "unregistered"
    assert ctx.runner.calls == [["subscription-manager", "unregister"]]


def test_unregister_failure_is_reported_not_fatal(tmp_path):
    ctx = Ctx(LiveRoot(str(tmp_path)))
    ctx.runner.returncode = 70
    assert "failed (exit 70)" in UnregisterSubscription().apply(ctx)


def test_a_root_that_is_not_the_live_host_is_never_unregistered(tmp_path):
    ctx = Ctx(Root(str(tmp_path)))
    write(ctx.root, CONSUMER_CERT, "cert")
    assert "not the live host" in UnregisterSubscription().apply(ctx)
    assert ctx.runner.calls == []


def test_keep_rhsm_keeps_the_subscription_and_redhat_repo(tmp_path):
    ctx = Ctx(LiveRoot(str(tmp_path)), keep_rhsm=True)
    assert not UnregisterSubscription().applies(ctx) and not SetAsideRepoFiles().applies(ctx)


def test_other_sources_have_nothing_to_unregister(tmp_path):
    ctx = Ctx(LiveRoot(str(tmp_path)), profile_id="rocky")
    assert not UnregisterSubscription().applies(ctx) and not SetAsideRepoFiles().applies(ctx)


def test_redhat_repo_is_moved_aside_not_deleted(tmp_path):
    ctx = Ctx(Root(str(tmp_path)))
    write(ctx.root, "/etc/yum.repos.d/redhat.repo", "[rhel-9-for-x86_64-baseos-rpms]\n")
    step = SetAsideRepoFiles()
    assert step.applies(ctx) and not step.is_done(ctx)
    assert step.apply(ctx) == "moved aside: redhat.repo"
    assert step.is_done(ctx)
    assert os.listdir(ctx.root.join("/etc/yum.repos.d")) == ["redhat.repo.almalinux-migrate-disabled"]


def test_edited_issue_and_dropped_alternatives_come_back(tmp_path):
    ctx = Ctx(Root(str(tmp_path)))
    write(ctx.root, "/etc/issue", "AlmaLinux \\r\n")
    write(ctx.root, "/etc/issue.rpmsave", "Authorised use only\n")
    write(ctx.root, "/usr/bin/python3.9", "")
    saved = os.path.join(ctx.workdir, "backup/files/etc/alternatives")
    os.makedirs(saved)
    os.symlink("/usr/bin/python3.9", os.path.join(saved, "python3"))
    os.symlink("/usr/bin/gone", os.path.join(saved, "gone"))
    os.makedirs(ctx.root.join("/etc/alternatives"))
    assert RestoreEdits().apply(ctx) == "restored /etc/issue, alternatives/python3"
    assert ctx.root.read_text("/etc/issue") == "Authorised use only\n"
    assert ctx.root.read_text("/etc/issue.rpmnew") == "AlmaLinux \\r\n"
    assert os.readlink(ctx.root.join("/etc/alternatives/python3", follow=False)) == "/usr/bin/python3.9"
    assert RestoreEdits().apply(ctx) == "restored nothing"


def test_mapped_repos_are_enabled_in_the_almalinux_repo_files():
    from migrate.steps.repo_files import enable_sections

    text = "[crb]\nname=CRB\nenabled=0\ngpgcheck=1\n\n[crb-debuginfo]\nenabled=0\n\n[ha]\nname=HA\n"
    assert enable_sections(text, {"crb", "ha"}) == (
        "[crb]\nname=CRB\nenabled=1\ngpgcheck=1\n\n[crb-debuginfo]\nenabled=0\n\n[ha]\nname=HA\nenabled=1\n")
    assert enable_sections(text, set()) == text


def test_third_party_repos_are_off_during_the_sync_and_back_on_after(tmp_path):
    from migrate.facts.repos import collect_repos
    from migrate.steps.third_party_repos import DisableThirdPartyRepos, EnableThirdPartyRepos

    ctx = Ctx(Root(str(tmp_path)), profile_id="rocky", third_party="disable")
    write(ctx.root, "/etc/yum.repos.d/rocky.repo", "[baseos]\nbaseurl=http://x/\nenabled=1\n")
    write(ctx.root, "/etc/yum.repos.d/vendor.repo", "[vendor]\nbaseurl=http://v/\nenabled=1\n")
    os.makedirs(ctx.workdir)
    sections, _ = collect_repos(ctx.root)
    ctx.facts = type("F", (), {"repos": sections, "arch": "x86_64"})()
    off, on = DisableThirdPartyRepos(), EnableThirdPartyRepos()
    assert off.applies(ctx) and off.apply(ctx) == "disabled vendor"
    assert "enabled=0" in ctx.root.read_text("/etc/yum.repos.d/vendor.repo")
    assert "enabled=1" in ctx.root.read_text("/etc/yum.repos.d/rocky.repo")
    assert on.apply(ctx) == "re-enabled vendor"
    assert "enabled=1" in ctx.root.read_text("/etc/yum.repos.d/vendor.repo")
    assert not Ctx(Root(str(tmp_path)), profile_id="rocky").options.third_party == "disable"
    assert not off.applies(Ctx(Root(str(tmp_path)), profile_id="rocky"))


def test_sssd_cache_is_set_aside_only_after_a_downgrade(tmp_path):
    from migrate.steps.set_sssd_cache_aside import SetSssdCacheAside

    ctx = Ctx(Root(str(tmp_path)), profile_id="centos-stream")
    write(ctx.root, "/var/lib/sss/db/cache_example.com.ldb", "newer format")
    step = SetSssdCacheAside()
    ctx.plan = {"downgraded": []}
    assert not step.applies(ctx)
    ctx.plan = {"downgraded": [{"name": "sssd-client"}]}
    assert step.applies(ctx) and step.apply(ctx) == "moved aside: cache_example.com.ldb"
    assert os.listdir(ctx.root.join("/var/lib/sss/db")) == ["cache_example.com.ldb.almalinux-migrate-bak"]


def test_switching_a_repo_off_and_on_keeps_every_other_byte(tmp_path):
    from migrate.root import Root
    from migrate.steps.repo_files import read_repo_text, set_enabled, write_repo_text

    root = Root(str(tmp_path))
    original = (b"# d\xe9p\xf4t interne (Latin-1)\r\n[extra]\r\nname = Extra\r\nenabled = 1\r\n"
                b"gpgcheck=1\r\n[other]\r\nenabled=1\r\n")
    root.write_bytes("/etc/yum.repos.d/extra.repo", original)
    text = read_repo_text(root, "/etc/yum.repos.d/extra.repo")
    write_repo_text(root, "/etc/yum.repos.d/extra.repo", set_enabled(text, {"extra"}, False))
    off = root.read_bytes("/etc/yum.repos.d/extra.repo")
    assert off == original.replace(b"enabled = 1\r\n", b"enabled = 0\r\n", 1)
    write_repo_text(root, "/etc/yum.repos.d/extra.repo", set_enabled(off.decode("utf-8", "surrogateescape"),
                                                                      {"extra"}, True))
    assert root.read_bytes("/etc/yum.repos.d/extra.repo") == original
