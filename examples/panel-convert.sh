#!/bin/sh
# Convert this server to AlmaLinux unattended, as a hosting panel would: preflight, stop with
# the blockers when there are any (nothing changed), convert, say what to do next. Exits with
# the tool's own code. Options go to preflight and convert: panel-convert.sh --downgrade
set -u
tool=${ALMALINUX_MIGRATE:-almalinux-migrate}   # or "/usr/libexec/platform-python /root/almalinux-migrate.pyz"
events=${EVENTS:-/var/log/almalinux-migrate-events.jsonl}   # progress for the panel's UI
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT

report() {  # report status|blockers: read the JSON report in $out
    for py in /usr/libexec/platform-python /usr/bin/python3; do [ -x "$py" ] && break; done
    "$py" -c 'import json, sys
doc = json.load(open(sys.argv[2]))
if sys.argv[1] == "status":
    print(doc["status"])
for f in doc["findings"] if sys.argv[1] == "blockers" else ():
    if f["severity"] == "blocker" and not f["overridden"]:
        print("  %s: %s. %s" % (f["id"], f["title"], f["remediation"]))' "$1" "$out"
}

# shellcheck disable=SC2086  # $tool may be an interpreter and the pyz
$tool --output json preflight "$@" >"$out"
rc=$?
if [ $rc -eq 3 ]; then
    echo "blocked, nothing was changed:"; report blockers; exit 3
elif [ $rc -ne 0 ]; then
    echo "preflight failed (exit $rc): see /var/log/almalinux-migrate.log"; exit $rc
elif [ "$(report status)" = already_converted ]; then
    echo "already AlmaLinux: nothing to do"; exit 0
fi

# shellcheck disable=SC2086
$tool --output json convert --yes --events "$events" "$@" >"$out"
rc=$?
case $rc in
    0) echo "converted: reboot now, then run: almalinux-migrate verify --boot (it runs the panel's own repair)" ;;
    3) echo "blocked, nothing was changed:"; report blockers ;;
    4) echo "failed before the point of no return; the server is as it was: see the log" ;;
    5) echo "failed after the point of no return: fix the cause, then: almalinux-migrate resume --yes" ;;
    6) echo "the undo did not finish (the report names what is left): fix that, then: almalinux-migrate rollback" ;;
    7) echo "another run is active: almalinux-migrate --output json status" ;;
    *) echo "internal error (exit $rc): report it with /var/log/almalinux-migrate.log" ;;
esac
exit $rc
