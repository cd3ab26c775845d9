"""The host's records: what their few derived values say."""
from migrate.facts.model import DnfConfig, Mount
from tests.factories import make_facts, package


def test_package_evr_and_nevra_show_the_epoch_only_when_set():
    bash = package("bash", "5.1.8", "6.el9_1")
    perl = package("perl-libs", "5.32.1", "480.el9", epoch=4)
    assert (bash.evr, bash.nevra) == ("5.1.8-6.el9_1", "bash-5.1.8-6.el9_1.x86_64")
    assert (perl.evr, perl.nevra) == ("4:5.32.1-480.el9", "perl-libs-4:5.32.1-480.el9.x86_64")


def test_a_mount_is_readonly_by_its_ro_option_only():
    assert Mount("/dev/vda2", "/usr", "xfs", ("ro", "relatime")).readonly is True
    assert Mount("/dev/vda1", "/", "xfs", ("rw", "errors=remount-ro")).readonly is False


def test_installed_lists_every_copy_of_a_name():
    one, two = package("kernel-core", release="1.el9"), package("kernel-core", release="2.el9")
    facts = make_facts(packages=(one, package("bash"), two))
    assert facts.installed("kernel-core") == [one, two]
    assert facts.installed("zsh") == []
    assert facts.has_package("bash") and not facts.has_package("zsh")


def test_facts_read_on_no_live_machine_default_to_not_known():
    facts = make_facts(is_live=False, is_superuser=None)
    assert (facts.boot, facts.running_kernel, facts.loaded_modules, facts.mounts, facts.memory,
            facts.package_managers_running, facts.broken_dependencies) == (None,) * 7
    assert facts.dnf_config == DnfConfig((), (), False)
