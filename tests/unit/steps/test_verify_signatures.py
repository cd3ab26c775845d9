import pytest

from migrate.steps.verify_signatures import SignatureProblem, parse_checksig, verify_files
from migrate.root import Root
from tests.kit import FakeRunner


def checksig_runner(root, verdicts):
    """Answers rpmkeys --checksig with canned verdicts; fails on any other argv."""
    prefix = root.rpmkeys_argv("/k", "--define", "_pkgverify_level all", "--checksig")

    def answer(argv):
        out = "".join("%s: %s\n" % (f, verdicts[f]) for f in argv[len(prefix):])
        return (1 if "NOT OK" in out else 0, out)

    return FakeRunner(prefixes={tuple(prefix): answer})


def test_parse_checksig_lines():
    out = "/c/a.rpm: digests signatures OK\n/c/b.rpm: digests SIGNATURES NOT OK\n"
    assert parse_checksig(out) == {"/c/a.rpm": "digests signatures OK", "/c/b.rpm": "digests SIGNATURES NOT OK"}


def test_one_bad_signature_names_the_package():
    root = Root("/nonexistent")
    runner = checksig_runner(root, {"/c/a.rpm": "digests signatures OK", "/c/zlib.rpm": "digests SIGNATURES NOT OK"})
    with pytest.raises(SignatureProblem) as err:
        verify_files(root, runner, "/k", ["/c/a.rpm", "/c/zlib.rpm"])
    assert [p for p, _ in err.value.bad] == ["/c/zlib.rpm"]
    assert "_pkgverify_level all" in runner.calls[0]


def test_all_good_passes_and_reports_progress():
    verdicts = dict(("/c/%d.rpm" % i, "digests signatures OK") for i in range(450))
    root = Root("/x")
    runner = checksig_runner(root, verdicts)
    seen = []
    verify_files(root, runner, "/k", sorted(verdicts), lambda d, t: seen.append((d, t)))
    assert seen[-1] == (450, 450) and len(runner.calls) == 3
