from migrate.checks import HOST_CHECKS
from tests.factories import base_packages, make_facts, package, repo
from tests.kit import check_findings


def _host(facts=None, **options):
    return check_findings(HOST_CHECKS, facts, **options)


def test_packages_without_repo():
    agent = package("thirdparty-agent", vendor="Third Party Inc")
    local = package("local-tool", vendor="")
    keep = package("epel-thing", vendor="Fedora Project")
    facts = make_facts(packages=base_packages(agent, local, keep),
                       repos=(repo("baseos"), repo("epel", file="/etc/yum.repos.d/epel.repo")),
                       package_origins=((agent.nevra, "thirdparty"), (keep.nevra, "epel"),
                                        ("bash-5.1.8-1.el9.x86_64", "anaconda")))
    finding = _host(facts)["PACKAGES_WITHOUT_REPO"]
    assert finding["data"]["packages"] == ["thirdparty-agent-1.0-1.el9.x86_64 (from thirdparty)",
                                           "local-tool-1.0-1.el9.x86_64 (installed by rpm)"]
    assert "PACKAGES_WITHOUT_REPO" not in _host(make_facts(packages=base_packages(agent), package_origins=None))
