from migrate.facts.dependencies import rich_satisfied, split_rich

INSTALLED = {"zlib", "bash", "/usr/bin/bash"}


def _holds(text):
    return rich_satisfied(text, lambda dep: dep.split(" ")[0] in INSTALLED)


def test_rich_dependency_is_split_at_its_top_level():
    assert split_rich("(a or (b and c))") == ["a", "or", "(b and c)"]
    assert split_rich("(foo >= 1.0 if bar = 2)") == ["foo >= 1.0", "if", "bar = 2"]


def test_or_and_if_unless_as_rpm_defines_them():
    assert _holds("(nosuch or zlib)") and not _holds("(nosuch or other)")
    assert _holds("(zlib and bash)") and not _holds("(zlib and nosuch)")
    assert not _holds("(nosuch if zlib)") and _holds("(nosuch if notinstalled)")
    assert _holds("(zlib if notinstalled else bash)") and not _holds("(zlib if notinstalled else nosuch)")
    assert _holds("(nosuch unless zlib)") and not _holds("(nosuch unless notinstalled)")
    assert _holds("(zlib or (nosuch and other))") and not _holds("(other or (zlib and nosuch))")
    assert _holds("/usr/bin/bash") and not _holds("/usr/bin/nosuch")
    assert _holds("(zlib >= 1.2 and bash)") and not _holds("(nosuch >= 1 or other < 2)")
