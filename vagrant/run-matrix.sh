#!/bin/bash
# Run the Vagrant matrix: for each machine (the Vagrantfile's for this host's architecture:
# names ending in -aarch64 on an aarch64 host, the others elsewhere; or those named), bring it
# up (the Vagrantfile's provisioners install the pyz, convert, reboot and verify), destroy it,
# and print one table row per machine, read from the provisioners' result lines. Each run is
# also recorded, one line per machine, in LOGS/matrix.tsv (appended: when, which host and
# architecture, provider, vagrant version, machine, result): which ran where. Exit 0 only
# when every machine converted (or already was AlmaLinux) and verified; a blocked machine
# (exit 3: nothing changed) counts as a failure.
#
#   make dist && vagrant/run-matrix.sh [MACHINE...]
#
# Environment: KEEP=1 keeps the boxes; PROVIDER=libvirt|virtualbox|...; LOGS=DIR (default
# vagrant/logs, one log per machine); VAGRANT (the vagrant command); plus the Vagrantfile's
# ALMALINUX_MIGRATE_PYZ, ALMALINUX_MIGRATE_MIRROR, ALMALINUX_MIGRATE_ARGS.
set -uo pipefail
cd "$(dirname "$0")" || exit 1
VAGRANT=${VAGRANT:-vagrant}
LOGS=${LOGS:-logs}
mkdir -p "$LOGS"

host_arch=$(uname -m)
machines=("$@")
if [ ${#machines[@]} -eq 0 ]; then
    if [ "$host_arch" = aarch64 ]; then pick='/-aarch64$/'; else pick='!/-aarch64$/'; fi
    mapfile -t machines < <($VAGRANT status --machine-readable | awk -F, '$3 == "state" { print $2 }' \
        | awk "$pick")
fi
if [ ${#machines[@]} -eq 0 ]; then
    echo "run-matrix: no machines (is vagrant working here?)" >&2
    exit 2
fi

# field LOG PHASE KEY: KEY's value on the provisioner's result line of PHASE in LOG
field() {
    grep -o "almalinux-migrate-matrix: phase=$2 .*" "$1" | tail -n 1 | tr ' ' '\n' \
        | sed -n "s/^$3=//p" | tr -d '\r'
}

record="$LOGS/matrix.tsv"
if [ ! -s "$record" ]; then
    printf 'when\thost\thost_arch\tprovider\tvagrant\tmachine\tresult\tconvert\tverify\tseconds\n' >"$record"
fi
where_host=$(hostname)
where_provider=${PROVIDER:-default}
where_vagrant=$($VAGRANT --version 2>/dev/null | head -n 1)

rows=()
failed=0
for machine in "${machines[@]}"; do
    log="$LOGS/$machine.log"
    started=$SECONDS
    up_args=(up "$machine")
    if [ -n "${PROVIDER:-}" ]; then up_args+=(--provider "$PROVIDER"); fi
    $VAGRANT "${up_args[@]}" >"$log" 2>&1
    convert_exit=$(field "$log" convert exit)
    verify_exit=$(field "$log" verify exit)
    if [ -z "$convert_exit" ]; then
        result="up failed"
    elif [ "$convert_exit" = 3 ]; then
        result="blocked"
    elif [ "$convert_exit" != 0 ]; then
        result="convert failed"
    elif [ -z "$verify_exit" ]; then
        result="reboot failed"
    elif [ "$verify_exit" != 0 ]; then
        result="verify failed"
    elif [ "$(field "$log" convert status)" = already_converted ]; then
        result="already AlmaLinux"
    else
        result="converted"
    fi
    case $result in
        converted | "already AlmaLinux") ;;
        *) failed=$((failed + 1)) ;;
    esac
    rows+=("$(printf '%-16s %-17s %-26s %-14s %-5s %-18s %-9s %s' "$machine" "$result" \
        "$(field "$log" convert source)" "$convert_exit/$(field "$log" convert status)" \
        "$verify_exit" "$(field "$log" verify status)" "$(field "$log" verify leftovers)" \
        "$(field "$log" convert blockers)  $((SECONDS - started))s")")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$where_host" \
        "$host_arch" "$where_provider" "$where_vagrant" "$machine" "$result" "$convert_exit" "$verify_exit" \
        "$((SECONDS - started))" >>"$record"
    if [ -z "${KEEP:-}" ]; then
        $VAGRANT destroy -f "$machine" >>"$log" 2>&1
    fi
done

printf '%-16s %-17s %-26s %-14s %-5s %-18s %-9s %s\n' machine result source convert verify status \
    leftovers "blockers  time"
printf '%s\n' "${rows[@]}"
echo "ran on: $where_host ($host_arch), provider $where_provider, $where_vagrant; recorded in $record"
echo "logs: $LOGS/"
[ "$failed" -eq 0 ]
