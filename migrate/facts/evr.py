"""rpm's version comparison in pure Python, so checks can order kernels without the bindings.

Follows rpmvercmp(): alternating digit and alpha segments, digits beat letters, `~` sorts
before anything (even the end), `^` after the end but before anything else."""
import re

SEGMENT = re.compile(r"(\d+|[a-zA-Z]+|~|\^)")


def _segments(text):
    return SEGMENT.findall(text or "")


def vercmp(a, b):
    """-1, 0 or 1 as rpm orders version (or release) strings a and b."""
    if a == b:
        return 0
    left, right = _segments(a), _segments(b)
    for x, y in zip(left, right):
        if x == y:
            continue
        if x == "~" or y == "~":
            return -1 if x == "~" else 1
        if x == "^" or y == "^":
            return -1 if x == "^" else 1  # a caret loses to anything but the end
        if x.isdigit() != y.isdigit():
            return 1 if x.isdigit() else -1
        if x.isdigit():
            x, y = int(x), int(y)
            if x != y:
                return 1 if x > y else -1
            continue
        return 1 if x > y else -1
    rest_left, rest_right = left[len(right):], right[len(left):]
    if rest_left:
        return -1 if rest_left[0] == "~" else 1
    if rest_right:
        return 1 if rest_right[0] == "~" else -1
    return 0


def evr_key(package):
    """A sort key standing in for rpm.labelCompare on (epoch, version, release)."""
    return _Evr(package.epoch, package.version, package.release)


class _Evr(object):
    def __init__(self, epoch, version, release):
        self.value = (int(epoch or 0), version, release)

    def __lt__(self, other):
        if self.value[0] != other.value[0]:
            return self.value[0] < other.value[0]
        return (vercmp(self.value[1], other.value[1]) or vercmp(self.value[2], other.value[2])) < 0

    def __eq__(self, other):
        return not self < other and not other < self
