#!/bin/sh
# The Vagrant matrix's provisioner (it runs as root in the box; it also runs on any EL host):
#   migrate.sh convert   install the uploaded one-file build, then convert --yes
#   migrate.sh verify    after the reboot: verify --boot
# Each phase ends with one line
#   almalinux-migrate-matrix: phase=P exit=N status=S source=ID-VERSION leftovers=N blockers=A,B
# that run-matrix.sh reads from vagrant's output, and exits with the tool's exit code.
# Optional environment: ALMALINUX_MIGRATE_TOOL (where to install it), ALMALINUX_MIGRATE_UPLOAD
# (the uploaded pyz), ALMALINUX_MIGRATE_GLOBAL (global options, e.g. "--root DIR --config FILE"),
# ALMALINUX_MIGRATE_ARGS (convert options, e.g. "--downgrade --mirror URL"),
# ALMALINUX_MIGRATE_VERIFY_ARGS (default --boot), ALMALINUX_MIGRATE_OUT (the JSON report copy).
# Option lists are split on blanks: no spaces inside one value.
set -u
phase=${1:-}
tool=${ALMALINUX_MIGRATE_TOOL:-/usr/local/sbin/almalinux-migrate}
upload=${ALMALINUX_MIGRATE_UPLOAD:-/tmp/almalinux-migrate.pyz}
global=${ALMALINUX_MIGRATE_GLOBAL:-}
out=${ALMALINUX_MIGRATE_OUT:-/var/tmp/almalinux-migrate-$phase.json}

python() {  # the interpreter with the host's bindings, as the tool itself picks it
    for py in /usr/libexec/platform-python /usr/bin/python3; do
        if [ -x "$py" ]; then "$py" "$@"; return; fi
    done
    return 127
}

summary() {  # summary REPORT: the key facts of a report document, one line
    python - "$1" <<'PY'
import json
import sys
try:
    with open(sys.argv[1]) as handle:
        doc = json.load(handle)
except (OSError, ValueError):
    print("status=none")
    sys.exit(0)
source = doc.get("source") or {}
blockers = [f["id"] for f in doc.get("findings") or []
            if f.get("severity") == "blocker" and not f.get("overridden")]
print("status=%s source=%s-%s leftovers=%d blockers=%s" % (
    doc.get("status"), source.get("id"), source.get("version"), len(doc.get("leftovers") or []),
    ",".join(blockers) or "-"))
PY
}

case $phase in
convert)
    if [ -f "$upload" ]; then
        mkdir -p "$(dirname "$tool")" && install -m 0755 "$upload" "$tool" || exit 1
    fi
    # shellcheck disable=SC2086  # $global and the options are lists of words
    "$tool" $global --output json convert --yes ${ALMALINUX_MIGRATE_ARGS:-} >"$out"
    rc=$?
    ;;
verify)
    # shellcheck disable=SC2086
    "$tool" $global --output json verify ${ALMALINUX_MIGRATE_VERIFY_ARGS---boot} >"$out"
    rc=$?
    ;;
*)
    echo "usage: $0 convert|verify" >&2
    exit 2
    ;;
esac
echo "almalinux-migrate-matrix: phase=$phase exit=$rc $(summary "$out")"
exit $rc
