"""bundle keeps the conversion's own log and report: the latest convert's and every resume's after it."""
from migrate.commands.bundle import conversion_run_files
from migrate.layout import RUNS_DIR
from migrate.root import Root
from tests.kit import write


def _runs(tmp_path, *names):
    root = Root(str(tmp_path))
    for name in names:
        write(root, "%s/%s" % (RUNS_DIR, name), "{}\n")
    return root


def test_the_latest_convert_and_the_resumes_after_it_are_kept(tmp_path):
    root = _runs(tmp_path, "20261201T100000Z-convert-aaaaaaaa.log", "20261201T100000Z-convert-aaaaaaaa.json",
                 "20261201T110000Z-resume-bbbbbbbb.log",  # resumed an earlier conversion
                 "20261205T090000Z-preflight-cccccccc.json",
                 "20261205T100000Z-convert-dddddddd.log", "20261205T100000Z-convert-dddddddd.json",
                 "20261205T100500Z-verify-eeeeeeee.json",
                 "20261205T120000Z-resume-ffffffff.log", "20261205T120000Z-resume-ffffffff.json",
                 "20261205T120000Z-resume-ffffffff.txt")
    assert conversion_run_files(root) == ["%s/%s" % (RUNS_DIR, n) for n in (
        "20261205T100000Z-convert-dddddddd.json", "20261205T100000Z-convert-dddddddd.log",
        "20261205T120000Z-resume-ffffffff.json", "20261205T120000Z-resume-ffffffff.log")]


def test_without_a_convert_there_is_no_conversion_to_keep(tmp_path):
    assert conversion_run_files(_runs(tmp_path, "20261205T090000Z-preflight-cccccccc.json")) == []
    assert conversion_run_files(Root(str(tmp_path / "empty"))) == []
