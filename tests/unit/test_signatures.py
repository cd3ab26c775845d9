import pytest

from migrate.plan.signatures import SignatureProblem, parse_checksig, verify_files
from migrate.root import Root
from migrate.runner import Result


class FakeRunner(object):
    """Answers rpmkeys --checksig with canned verdicts; fails on any other argv."""

    def __init__(self, verdicts):
        self.verdicts = verdicts
        self.calls = []

    def run(self, argv, check=True):
        assert argv[0] == "rpmkeys" and "--checksig" in argv, argv
        self.calls.append(argv)
        files = argv[argv.index("--checksig") + 1:]
        out = "".join("%s: %s\n" % (f, self.verdicts[f]) for f in files)
        return Result(argv, 1 if "NOT OK" in out else 0, out, "")


def test_parse_checksig_lines():
    out = "/c/a.rpm: digests signatures OK\n/c/b.rpm: digests SIGNATURES NOT OK\n"
    assert parse_checksig(out) == {"/c/a.rpm": "digests signatures OK", "/c/b.rpm": "digests SIGNATURES NOT OK"}


def test_one_bad_signature_names_the_package():
    runner = FakeRunner({"/c/a.rpm": "digests signatures OK", "/c/zlib.rpm": "digests SIGNATURES NOT OK"})
    with pytest.raises(SignatureProblem) as err:
        verify_files(Root("/nonexistent"), runner, "/k", ["/c/a.rpm", "/c/zlib.rpm"])
    assert [p for p, _ in err.value.bad] == ["/c/zlib.rpm"]
    assert "_pkgverify_level all" in runner.calls[0]


def test_all_good_passes_and_reports_progress():
    runner = FakeRunner(dict(("/c/%d.rpm" % i, "digests signatures OK") for i in range(450)))
    seen = []
    verify_files(Root("/x"), runner, "/k", sorted(runner.verdicts), lambda d, t: seen.append((d, t)))
    assert seen[-1] == (450, 450) and len(runner.calls) == 3
