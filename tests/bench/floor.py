"""The physical floor of the half-converted window: ONE rpm transaction of the same packages
the tool's transaction changes, through rpm's Python bindings on a copy of the same root, no
dnf: `addInstall` (upgrade mode) or `addReinstall` of each target package from the mirror
tree on disk, `addErase` of what the plan removes, then `check`, `order`, `run`.

The package set is the plan of a `preflight` of the same root (its report's upgraded,
downgraded, installed, reinstalled and removed entries), so floor and tool change the same
packages. Run as its own process (`python -m tests.bench.floor ROOT REPORT MIRROR_DIR`); prints
{"seconds", "elements", "problems", "failed"} as JSON; `seconds` spans filling the set (which
reads every header, as the tool's runner does) to the end of the run."""
import json
import os
import sys
import time


def strip_epoch(evr):
    return evr.split(":", 1)[1] if ":" in evr else evr


def split_nevra(nevra, name):
    """("evr", "arch") of "name-[E:]V-R.arch"."""
    rest, _, arch = nevra[len(name) + 1:].rpartition(".")
    return rest, arch


def mirror_index(mirror_dir):
    """{file name: path} of every rpm under the mirror tree."""
    index = {}
    for directory, _, files in os.walk(mirror_dir):
        for name in files:
            if name.endswith(".rpm"):
                index.setdefault(name, os.path.join(directory, name))
    return index


def plan_sets(plan, index):
    """([(mode, path)], [(name, evr, arch)] to erase) from a report's plan."""
    installs = []
    for key, mode in (("upgraded", "u"), ("downgraded", "u"), ("installed", "u"), ("reinstalled", "r")):
        for entry in plan.get(key, []):
            if "nevra" in entry:
                evr, arch = split_nevra(entry["nevra"], entry["name"])
            else:
                evr, arch = entry["to"], entry["arch"]
            filename = "%s-%s.%s.rpm" % (entry["name"], strip_epoch(evr), arch)
            if filename not in index:
                raise SystemExit("floor: %s is not in the mirror tree" % filename)
            installs.append((mode, index[filename]))
    erases = []
    for entry in plan.get("removed", []):
        evr, arch = split_nevra(entry["nevra"], entry["name"])
        erases.append((entry["name"], evr, arch))
    return installs, erases


def run_floor(root, plan, mirror_dir):
    import rpm

    rpm.addMacro("_dbpath", "/var/lib/rpm")
    installs, erases = plan_sets(plan, mirror_index(mirror_dir))
    ts = rpm.TransactionSet(os.path.abspath(root))
    # the target key is not in the copy's rpmdb; the tool checked signatures before too
    ts.setVSFlags(rpm._RPMVSF_NOSIGNATURES)
    ts.setProbFilter(rpm.RPMPROB_FILTER_OLDPACKAGE)  # downgrades, as dnf sets for --allowerasing plans
    handles = {}

    def callback(what, amount, total, key, data):
        if what == rpm.RPMCALLBACK_INST_OPEN_FILE:
            handles[key] = open(key, "rb")
            return handles[key].fileno()
        if what == rpm.RPMCALLBACK_INST_CLOSE_FILE:
            handles.pop(key).close()
        return None

    started = time.monotonic()
    for mode, path in installs:
        with open(path, "rb") as handle:
            header = ts.hdrFromFdno(handle.fileno())
        if mode == "r":
            ts.addReinstall(header, path)
        else:
            ts.addInstall(header, path, "u")
    wanted = set(erases)
    for header in ts.dbMatch():
        evr = ("%s:" % header["epoch"] if header["epoch"] else "") + "%s-%s" % (header["version"], header["release"])
        if (header["name"], evr, header["arch"]) in wanted:
            ts.addErase(header)
    problems = ts.check() or []
    ts.order()
    result = ts.run(callback, "")
    seconds = time.monotonic() - started
    failed = [te.NEVRA() for te in ts if te.Failed()]
    return {"seconds": seconds, "elements": len(list(ts)), "problems": [str(p) for p in problems],
            "failed": failed, "run_result": [str(p) for p in result] if result else result}


def main(argv):
    root, report, mirror_dir = argv
    with open(report) as handle:
        plan = json.load(handle)["plan"]
    print(json.dumps(run_floor(root, plan, mirror_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
