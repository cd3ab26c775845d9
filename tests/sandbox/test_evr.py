"""migrate.facts.evr must order versions exactly as rpm does: checked against the bindings."""
import random

import pytest

from migrate.facts.evr import vercmp

rpm = pytest.importorskip("rpm", reason="the rpm Python bindings (/usr/bin/python3 with python3-rpm)")


def test_vercmp_agrees_with_rpm_label_compare():
    alphabet = "0123456789.a~^_bZ"
    rng = random.Random(7)
    pairs = [("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))),
              "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7)))) for _ in range(5000)]
    pairs += [("427.13.1.el9_4", "427.el9"), ("1.0~rc1", "1.0"), ("1.0^git1", "1.0.1"), ("010", "9")]
    wrong = [(a, b) for a, b in pairs if vercmp(a, b) != rpm.labelCompare(("0", a, "1"), ("0", b, "1"))]
    assert wrong == []
