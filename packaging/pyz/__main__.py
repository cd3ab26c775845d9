"""almalinux-migrate, one-file build: runs with the host's own interpreter (platform-python
3.6 on EL8, python3 on EL9 and EL10), which brings the rpm and dnf bindings."""
import os
import sys

if sys.version_info < (3, 6):
    sys.stderr.write("almalinux-migrate needs Python 3.6 or newer, not %s\n" % sys.version.split()[0])
    sys.exit(1)
if sys.version_info < (3, 7):
    # The dataclasses backport, for 3.6 only: on 3.7+ it would break the stdlib's typing.
    sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "_vendor36"))

from migrate.cli import main  # noqa: E402

main()
