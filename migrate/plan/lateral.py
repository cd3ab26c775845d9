"""Lateral moves: AlmaLinux's build of the very upstream release a host has, where rpm calls
it a downgrade only because of a vendor's mark in the release. Real Rocky and Oracle images
carry such rebuilds (Rocky 9.6 `ima-evm-utils-1.5-3.el9.rocky.0.1` against AlmaLinux's
`1.5-3.el9`; Oracle's `N.0.1.elM` against `N.elM.alma.1`): reaching AlmaLinux's build is no
downgrade, and needs no --downgrade. The marks are profile data (`release_suffixes`)."""
import re

from migrate.facts.evr import vercmp


def split_evr(evr):
    """'1:3.0.7-27.el9' -> (1, '3.0.7', '27.el9')."""
    epoch, _, rest = evr.rpartition(":")
    version, _, release = rest.rpartition("-")
    return int(epoch or 0), version, release


def strip_suffixes(release, patterns):
    """The release with every vendor mark matched by `patterns` set aside; a group named
    `keep` stays (the dist tag a pattern must see before a mark: Rocky's `el9_5.2.0.1`)."""
    for pattern in patterns:
        release = re.sub(pattern, _kept, release)
    return release


def _kept(match):
    return match.group("keep") if "keep" in match.re.groupindex else ""


def is_lateral(before, after, patterns):
    """Whether going from EVR `before` to EVR `after` reaches the same upstream epoch, version
    and release, once both vendors' marks are set aside."""
    old, new = split_evr(before), split_evr(after)
    if old[0] != new[0] or vercmp(old[1], new[1]) != 0:
        return False
    return vercmp(strip_suffixes(old[2], patterns), strip_suffixes(new[2], patterns)) == 0


def split_downgrades(downgraded, patterns):
    """(real downgrades, lateral moves) of the plan's `downgraded` entries."""
    real, lateral = [], []
    for entry in downgraded:
        moves = entry.get("from") and is_lateral(entry["from"], entry["to"], patterns)
        (lateral if moves else real).append(entry)
    return real, lateral
