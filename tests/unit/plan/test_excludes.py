"""Which installed packages --exclude and versionlock keep out of the sync."""
import pytest

from migrate.facts.model import DnfConfig
from migrate.plan.excludes import excluded_names, excludes_for, locked, name_matches
from tests.factories import make_facts, package, situation


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
