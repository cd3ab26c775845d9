"""rpm's test transaction on the resolved, downloaded conversion, before the point of no
return: file conflicts between packages (a vendor's fips-provider-next owning the fips.so that
AlmaLinux's openssl-libs ships; almalinux-deploy commit e104e37) and disk space per filesystem
are only found by rpm, never by the depsolver, and found inside DISTRO_SYNC they strand a host.

As dnf does in `Base.do_transaction` ("Running transaction test"): the same rpm transaction set,
run with RPMTRANS_FLAG_TEST. rpm then opens the rpmdb read-only, runs no scriptlet and writes
nothing (lib/transaction.c `rpmtsRun`: O_RDONLY and no transaction scripts under the flag)."""
import logging

log = logging.getLogger(__name__)

FILE_CONFLICT = "file_conflict"
DISK_SPACE = "disk_space"
DISK_NODES = "disk_nodes"
OTHER = "other"


def describe_problem(kind, text, package, other, path, number):
    """One rpm problem as plain data (the finding's detail and the report's `data`)."""
    if kind == FILE_CONFLICT:
        return {"kind": kind, "file": path, "package": package, "other": other,
                "text": "file %s from install of %s conflicts with file from package %s"
                        % (path, package, other)}
    if kind == DISK_SPACE:
        return {"kind": kind, "filesystem": path, "needed": number, "package": package,
                "text": "installing %s needs %s more on the %s filesystem"
                        % (package, human_size(number), path)}
    if kind == DISK_NODES:
        return {"kind": kind, "filesystem": path, "needed": number, "package": package,
                "text": "installing %s needs %d more inodes on the %s filesystem"
                        % (package, number, path)}
    return {"kind": OTHER, "package": package, "text": text}


def human_size(number):
    size = float(number)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return ("%d %s" % (size, unit)) if unit == "B" else ("%.1f %s" % (size, unit))
        size /= 1024


def _problem(prob):
    import rpm

    kinds = {rpm.RPMPROB_FILE_CONFLICT: FILE_CONFLICT, rpm.RPMPROB_NEW_FILE_CONFLICT: FILE_CONFLICT,
             rpm.RPMPROB_DISKSPACE: DISK_SPACE, rpm.RPMPROB_DISKNODES: DISK_NODES}
    return describe_problem(kinds.get(prob.type, OTHER), str(prob), prob.pkgNEVR, prob.altNEVR,
                            prob._str, prob._num)


def run_test_transaction(base, root, keep=False):
    """rpm's test transaction of `base`'s resolved transaction over `root`; returns the
    problems as dicts (empty: rpm would run it). Every install package must be downloaded.
    `keep`: a set rpm would run stays filled and ordered for the real run, as
    `Base.do_transaction` runs the very set it tested (dnf 4.7 to 4.20)."""
    import rpm

    root.pin_dbpath()
    # dnf's own rpm transaction set over the installroot and its way of filling it, exactly
    # as Base.do_transaction does (dnf 4.x, EL8's 4.7 to EL10's): the set rpm will really run
    wrapper = base._ts
    opened = {}

    def callback(what, amount, total, key, data):
        if what == rpm.RPMCALLBACK_INST_OPEN_FILE:
            handle = open(key.pkg.localPkg(), "rb")
            opened[id(key)] = handle
            return handle.fileno()
        if what == rpm.RPMCALLBACK_INST_CLOSE_FILE and id(key) in opened:
            opened.pop(id(key)).close()
        return None

    # Signatures were checked against the trusted keys only (VERIFY_SIGNATURES); the root's
    # keyring does not hold the target key yet and must not be asked.
    old_vsflags = wrapper.ts.setVSFlags(rpm._RPMVSF_NOSIGNATURES)
    flags = wrapper.ts.setFlags(rpm.RPMTRANS_FLAG_TEST)
    problems = None
    try:
        base.transaction._populate_rpm_ts(wrapper)
        wrapper.ts.order()
        wrapper.ts.clean()  # release memory not needed beyond this point (as do_transaction)
        result = wrapper.ts.run(callback, "")
        problems = [_problem(p) for p in wrapper.ts.problems()] if result else []
        if result and not problems:  # rpm failed without saying why in a problem
            problems = [describe_problem(OTHER, str(result), None, None, None, 0)]
    finally:
        for handle in opened.values():
            handle.close()
        wrapper.ts.setFlags(flags)
        wrapper.ts.setVSFlags(old_vsflags)
        if problems or problems is None or not keep:
            wrapper.ts.clear()
    for problem in problems:
        log.error("rpm test transaction: %s", problem["text"])
    return problems
