"""The plan as plain data: its empty shape, its counts and why a package is left behind."""
from migrate.plan import model as M
from tests.factories import package

SOURCE_VENDORS = ("Rocky Enterprise Software Foundation",)


def test_an_empty_plan_has_every_key_the_journal_and_report_read():
    assert M.empty_plan() == {"removed": [], "swapped": [], "upgraded": [], "downgraded": [], "lateral": [],
                              "reinstalled": [], "installed": [], "left_alone": [], "download_size": 0, "repos": []}


def test_counts_cover_every_plan_key_and_take_missing_ones_as_zero():
    counts = M.plan_counts({"removed": [{"name": "a"}, {"name": "b"}], "upgraded": [{"name": "c"}], "repos": [{}]})
    assert counts == {"removed": 2, "swapped": 0, "upgraded": 1, "downgraded": 0, "lateral": 0,
                      "reinstalled": 0, "installed": 0, "left_alone": 0}


def test_excluded_wins_over_kept_and_kept_over_the_vendor():
    uek = package("kernel-uek", vendor="Oracle America")
    assert M.classify_leftover(uek, SOURCE_VENDORS, kept=("kernel-uek",), excluded=("kernel-uek",)) == M.LEFT_EXCLUDED
    assert M.classify_leftover(uek, SOURCE_VENDORS, kept=("kernel-uek",)) == M.LEFT_KEPT
    assert M.classify_leftover(uek, ("Oracle America",)) == M.LEFT_NO_COUNTERPART
    assert M.classify_leftover(uek, SOURCE_VENDORS) == M.LEFT_THIRD_PARTY


def test_a_leftover_entry_names_the_package_and_why():
    nginx = package("nginx", "1.24.0", "1.el9.ngx", vendor="", keyid=None)
    assert M.leftover_entry(nginx, M.LEFT_THIRD_PARTY) == {
        "name": "nginx", "nevra": "nginx-1.24.0-1.el9.ngx.x86_64", "vendor": None, "keyid": None,
        "reason": "third_party"}
