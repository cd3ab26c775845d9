"""profiles: the shipped sources and targets, as `--output json profiles` prints them."""
from migrate.commands.profiles import run
from migrate.profiles import load_profiles
from migrate.root import Root
from tests.kit import make_ctx


def test_every_shipped_profile_is_listed_with_what_a_panel_needs(tmp_path):
    ctx = make_ctx(Root(str(tmp_path)))
    ctx.profiles = load_profiles()
    document = run(ctx)
    sources = dict((s["id"], s) for s in document["sources"])
    assert sources["rocky"] == {"id": "rocky", "name": "Rocky Linux", "os_release_id": "rocky", "majors": [8, 9, 10],
                                "is_target": False}
    assert sources["almalinux"]["is_target"] is True
    assert [s["id"] for s in document["sources"]] == sorted(sources)
    assert [t["id"] for t in document["targets"]] == ["almalinux-8", "almalinux-9", "almalinux-10"]
    nine = document["targets"][1]
    assert nine["major"] == 9 and "x86_64" in nine["architectures"]
    assert "BF18AC2876178908D6E71267D36CB86CB86B3716" in nine["fingerprints"]
