#!/bin/sh
# almalinux-migrate, one file: a shell preamble, then a zip archive that Python runs.
# The interpreter that owns the host's rpm and dnf bindings: platform-python on EL8 (where
# /usr/bin/python3 may be another version, or absent), /usr/bin/python3 on EL9 and EL10.
# Never python3 from PATH. On a noexec mount: /usr/libexec/platform-python FILE, python3 FILE.
for py in /usr/libexec/platform-python /usr/bin/python3; do
    if [ -x "$py" ]; then exec "$py" -I "$0" "$@"; fi
done
echo "almalinux-migrate: neither /usr/libexec/platform-python nor /usr/bin/python3 is here" >&2
exit 1
