#!/bin/sh
# almalinux-migrate: run the tool installed in ../share/almalinux-migrate (the package's code
# and its vendored libraries) with the interpreter that owns the host's rpm and dnf bindings:
# platform-python on EL8 (/usr/bin/python3 may be another version there, or absent),
# /usr/bin/python3 on EL9 and EL10. Never python3 from PATH.
# -I: no user site-packages, no PYTHON* variables; -B: no __pycache__ under /usr/share.
lib=$(dirname "$(readlink -f "$0")")/../share/almalinux-migrate
for py in /usr/libexec/platform-python /usr/bin/python3; do
    if [ -x "$py" ]; then exec "$py" -I -B "$lib" "$@"; fi
done
echo "almalinux-migrate: neither /usr/libexec/platform-python nor /usr/bin/python3 is here" >&2
exit 1
