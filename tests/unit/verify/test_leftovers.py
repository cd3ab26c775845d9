from migrate.plan.model import classify_leftover
from migrate.verify.leftovers import find_leftovers
from tests.factories import package


def test_excluded_leftovers_say_so():
    pkg = package("nginx", vendor="Rocky Enterprise Software Foundation")
    assert classify_leftover(pkg, ["Rocky Enterprise Software Foundation"], excluded={"nginx": "exclude"}) == "excluded"
    left = find_leftovers([pkg, package("bash")], set(), ["Rocky Enterprise Software Foundation"],
                          excluded={"nginx": "exclude"})
    assert [(e["name"], e["reason"]) for e in left] == [("nginx", "excluded"), ("bash", "no_counterpart")]
