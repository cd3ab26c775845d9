"""`make bench`: what a conversion costs with the tool, against the bare rpm/dnf floor.

For each size (installed packages, default 500, 1000 and 2000) a sandbox world is built once
and cached under .sandbox/bench/world-<size>; then, BENCH_RUNS times (default 3), on fresh
copies of the same CentOS Stream 9 root against the same mirror on 127.0.0.1:

- `convert --yes --downgrade --mirror URL --events FILE` end to end (wall time, peak RSS of the
  tool process and its children, and from the events: the mixed-state window, from
  `point_of_no_return` to `run_finished`, and the time of each step);
- the bare sequence (tests/bench/bare.py) on another copy;
- `preflight` twice on a third copy, the second timed (metadata cached);
- the floor of the window (tests/bench/floor.py): one bare rpm transaction of the preflight
  plan's packages through rpm's Python bindings on a fourth copy, no dnf; the window is
  divided by the floor of the same run;
- `--help` (start-up), five times: from the checkout's venv, and from the one-file build
  (built once per bench run as `make dist` builds it) with /usr/bin/python3, the way
  `python3 almalinux-migrate.pyz` starts on a host.

`python -m tests.bench --startup` measures only the start-up figures (no sandbox world);
`python -m tests.bench --preflight [CHECKOUT ...]` only `preflight` (preflight_only).

Medians are reported in a table and written with every raw figure to
.sandbox/bench/results.json. BENCH_SIZES=500 BENCH_RUNS=1 is a quick run; `python -m tests.bench --show [FILE]` prints
the table of a results file again.
"""
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

from tests.bench.bare import bare_for_world
from tests.sandbox.cli import REPO
from tests.sandbox.fixture import build_world, missing_requirements, serve

BENCH_DIR = os.path.join(REPO, ".sandbox", "bench")
RESULTS = os.path.join(BENCH_DIR, os.environ.get("BENCH_RESULTS", "results.json"))
ROOT_NAME = "centos-stream-9"
# Packages a world's root has besides its fillers (base system, release, branding, kinds,
# third party): sandbox/fixture/catalog.py.
BASE_PACKAGES = 16
STARTUP_RUNS = 5
TOOL = [os.path.join(REPO, ".venv", "bin", "python"), "-m", "migrate"]
SYSTEM_PYTHON = "/usr/bin/python3"
PYZ = os.path.join(BENCH_DIR, "almalinux-migrate.pyz")

TARGETS = {  # figure: (limit, where it applies, what it reads): docs/performance.md
    "window_floor": (1.5, (1000, 2000), "window / floor (one bare rpm transaction)"),
    "ratio": (1.0, "every size", "convert / bare"),
    "preflight_s": (1.0, (2000,), "preflight, metadata cached (s)"),
    "startup_s": (0.3, "every size", "start-up, --help (s)"),
    "pyz_startup_s": (0.3, "every size", "start-up of the pyz, --help (s)"),
    "tool_rss_mb": (150.0, "every size", "peak memory of the tool (MB)"),
}
GROWTH_LIMIT = 2.1
# Figures whose 1,000 -> 2,000 growth the target bounds: the window; the others'
# growth is printed beside them.
GROWTH_FIGURES = ("window_s",)


def timed(argv, log_path, env=None, cwd=REPO):
    """Run argv with output to log_path; {"seconds", "code", "rss_mb": peak RSS of it and the
    children it waited for, "cpu": their user+system seconds}, through wait4 so each run has
    its own rusage. CPU time barely moves with the machine's load; wall time does."""
    with open(log_path, "w") as log:
        started = time.monotonic()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here; keep Popen from waiting
    return {"seconds": seconds, "code": proc.returncode, "rss_mb": usage.ru_maxrss / 1024.0,
            "cpu": usage.ru_utime + usage.ru_stime}


def tool_env(checkout=REPO):
    """The tool as installed runs from bytecode (rpm's brp-python-bytecompile, the pyz's own):
    its runs here may write the checkout's __pycache__ even where PYTHONDONTWRITEBYTECODE is
    set, or each would compile every module again (0.3-0.4 s of CPU)."""
    env = dict(os.environ, PYTHONPATH=checkout)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def parse_ts(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")


def event_times(path):
    """From an --events file: the window, the time before the first step (facts, checks,
    what-if), each step's time and the time after the last one (rescan, report)."""
    with open(path) as handle:
        events = [json.loads(line) for line in handle if line.strip()]
    at = lambda e: parse_ts(e["ts"])  # noqa: E731
    first = dict((e["event"], e) for e in reversed(events))
    last = dict((e["event"], e) for e in events)
    steps, started = {}, {}
    for event in events:
        if event["event"] == "step_started":
            started[event["step"]] = at(event)
        elif event["event"] == "step_finished":
            steps[event["step"]] = (at(event) - started[event["step"]]).total_seconds()
        elif (event["event"] == "progress" and event["step"] == "DISTRO_SYNC" and event["total"] > 1
              and "DISTRO_SYNC, to its 1st item" not in steps):
            # before it: the offline resolve and rpm's test transaction
            steps["DISTRO_SYNC, to its 1st item"] = (at(event) - started["DISTRO_SYNC"]).total_seconds()
    return {
        "window": (at(last["run_finished"]) - at(first["point_of_no_return"])).total_seconds(),
        "in_process": (at(last["run_finished"]) - at(first["run_started"])).total_seconds(),
        "assess": (at(first["step_started"]) - at(first["run_started"])).total_seconds(),
        "after_steps": (at(last["run_finished"]) - at(last["step_finished"])).total_seconds(),
        "steps": steps,
    }


def read_report(root):
    try:
        with open(os.path.join(root, "var/log/almalinux-migrate-report.json")) as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


class Size(object):
    """One world size: its world (built once, then reused), a trust config, a scratch dir
    for the root copies."""

    def __init__(self, size):
        self.size = size
        self.dir = os.path.join(BENCH_DIR, "world-%d" % size)
        self.scratch = os.path.join(BENCH_DIR, "scratch-%d" % size)
        started = time.monotonic()
        self.world = build_world(self.dir, fillers=size - BASE_PACKAGES)
        self.build_seconds = time.monotonic() - started
        self.config = os.path.join(BENCH_DIR, "trust-%d.toml" % size)
        with open(self.config, "w") as handle:
            handle.write('[trust]\nextra_fingerprints = ["%s"]\n' % self.world.keys["alma"].fingerprint)

    def fresh(self, name):
        path = os.path.join(self.scratch, name)
        if os.path.exists(path):
            shutil.rmtree(path)
        os.makedirs(path)
        return path

    def copy_root(self, name):
        return self.world.copy_root(ROOT_NAME, os.path.join(self.fresh(name), "root"))

    def convert(self, mirror, run):
        root = self.copy_root("convert-%d" % run)
        events = os.path.join(os.path.dirname(root), "events.jsonl")
        argv = TOOL + ["--root", root, "--config", self.config, "convert", "--yes", "--downgrade",
                       "--mirror", mirror, "--events", events]
        log = os.path.join(os.path.dirname(root), "convert.log")
        measured = timed(argv, log, tool_env())
        seconds, code = measured["seconds"], measured["code"]
        report = read_report(root)
        if code != 0 or report.get("status") != "converted":
            with open(log) as handle:
                tail = handle.read()[-2000:]
            raise SystemExit("convert failed (exit %d, status %s) on %s:\n%s" % (
                code, report.get("status"), root, tail))
        times = event_times(events)
        result = {"seconds": seconds, "rss_mb": measured["rss_mb"], "cpu": measured["cpu"], "window": times["window"],
                  "assess": times["assess"], "after_steps": times["after_steps"],
                  "outside": seconds - times["in_process"], "steps": times["steps"],
                  "installed": len(self.world.packages["centos"]) + len(self.world.packages["thirdparty"]),
                  "transaction_items": sum(len(v) for k, v in report["plan"].items()
                                           if k in ("upgraded", "downgraded", "reinstalled", "installed", "removed"))}
        shutil.rmtree(os.path.dirname(root))
        return result

    def bare(self, mirror, run):
        work = self.fresh("bare-%d" % run)
        root = self.world.copy_root(ROOT_NAME, os.path.join(work, "root"))
        bare = bare_for_world(self.world, ROOT_NAME, root, mirror, os.path.join(work, "work"))
        result = bare.convert()
        with open(os.path.join(root, "etc/os-release")) as handle:
            if 'ID="almalinux"' not in handle.read():
                raise SystemExit("the bare sequence did not convert %s" % root)
        shutil.rmtree(work)
        return result

    def preflight(self, mirror):
        root = self.copy_root("preflight")
        argv = TOOL + ["--root", root, "--config", self.config, "preflight", "--downgrade", "--mirror", mirror]
        log = os.path.join(os.path.dirname(root), "preflight.log")
        first = timed(argv, log, tool_env())
        second = timed(argv, log, tool_env())
        if first["code"] != 0 or second["code"] != 0:
            raise SystemExit("preflight exited %d/%d; see %s" % (first["code"], second["code"], log))
        with open(os.path.join(root, "var/log/almalinux-migrate-report.json")) as handle:
            plan = json.load(handle)
        with open(self.plan_path, "w") as handle:  # the floor changes the same packages
            json.dump(plan, handle)
        shutil.rmtree(os.path.dirname(root))
        return {"first": first["seconds"], "cached": second["seconds"], "cpu": second["cpu"],
                "rss_mb": second["rss_mb"]}

    @property
    def plan_path(self):
        return os.path.join(BENCH_DIR, "plan-%d.json" % self.size)

    def floor(self, run):
        """One bare rpm transaction of the plan's packages on a copy of the root (floor.py)."""
        root = self.copy_root("floor-%d" % run)
        mirror_dir = os.path.join(self.world.srv, self.world.mirrors["almalinux"])
        log = os.path.join(os.path.dirname(root), "floor.log")
        measured = timed(TOOL[:1] + ["-m", "tests.bench.floor", root, self.plan_path, mirror_dir], log, tool_env())
        with open(log) as handle:
            text = handle.read()
        if measured["code"] != 0:
            raise SystemExit("the floor transaction failed (exit %d):\n%s" % (measured["code"], text[-2000:]))
        result = json.loads(text.strip().splitlines()[-1])
        if result["failed"] or result["run_result"]:
            raise SystemExit("the floor transaction did not run cleanly: %s" % text[-2000:])
        shutil.rmtree(os.path.dirname(root))
        result["rss_mb"] = measured["rss_mb"]
        return result


def startup():
    log = os.path.join(BENCH_DIR, "help.log")
    tool = [timed(TOOL + ["--help"], log, tool_env())["seconds"] for _ in range(STARTUP_RUNS)]
    python = [timed(TOOL[:1] + ["-c", "pass"], log)["seconds"] for _ in range(STARTUP_RUNS)]
    return statistics.median(tool), statistics.median(python)


def build_pyz():
    """The one-file build as make dist builds it (this interpreter's bytecode included: the
    venv's python is /usr/bin/python3's version)."""
    proc = subprocess.run([SYSTEM_PYTHON, os.path.join(REPO, "packaging", "pyz", "build.py"), PYZ],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, cwd=REPO)
    if proc.returncode != 0:
        raise SystemExit("bench: building the pyz failed:\n" + proc.stdout)
    return PYZ


def pyz_startup():
    """(wall, CPU) medians of `/usr/bin/python3 almalinux-migrate.pyz --help`; CPU time tells
    a loaded machine's figure apart from the tool's own."""
    log = os.path.join(BENCH_DIR, "help-pyz.log")
    runs = [timed([SYSTEM_PYTHON, PYZ, "--help"], log, cwd="/") for _ in range(STARTUP_RUNS + 1)]
    if runs[-1]["code"] != 0:
        raise SystemExit("bench: the pyz's --help failed, see " + log)
    runs = runs[1:]  # the first warms the page cache
    return statistics.median(r["seconds"] for r in runs), statistics.median(r["cpu"] for r in runs)


MASK_SIZES = (100 * 1024, 1024 * 1024)  # bytes of one token in one log line
MASK_GROWTH_LIMIT = 15.0  # for 10x the input: linear, with room for noise (quadratic is ~100x)


def mask_cost():
    """Seconds migrate.secrets.mask takes on one log line carrying a token of each MASK_SIZES,
    for the three shapes a credential has (URL userinfo, query value, `password=`); the growth
    from the smallest to the largest shows whether the mask stays linear."""
    from migrate.secrets import mask

    seconds = {}
    for size in MASK_SIZES:
        token = "x" * size
        lines = ("GET https://user:%s@mirror.example/repo" % token,
                 "GET https://mirror.example/repo?token=%s&a=1" % token,
                 "proxy_password=%s" % token)
        times = []
        for _ in range(3):
            started = time.perf_counter()
            for line in lines:
                mask(line)
            times.append(time.perf_counter() - started)
        seconds[size] = min(times)
    low, high = seconds[MASK_SIZES[0]], seconds[MASK_SIZES[-1]]
    return {"seconds": dict((str(k), v) for k, v in seconds.items()),
            "growth": high / low if low else None, "limit": MASK_GROWTH_LIMIT}


def mask_line(cost):
    growth = cost["growth"]
    met = growth is not None and growth <= cost["limit"]
    return "credential mask (one log line, 3 token shapes): %s; growth %s for 10x the input, target <= %.0fx: %s" % (
        ", ".join("%d KiB %.4f s" % (int(k) // 1024, v) for k, v in sorted(cost["seconds"].items(), key=lambda i: int(i[0]))),
        "%.1fx" % growth if growth else "-", cost["limit"], "met" if met else "NOT MET")


def median(values):
    return statistics.median(values) if values else None


def preflight_only(checkouts, say):
    """`--preflight [CHECKOUT ...]`: `preflight` alone, metadata cached, BENCH_RUNS times (default
    5) per size (BENCH_SIZES, default 2000) on one copy of the root; several checkouts (this one
    by default; another, e.g. a `git worktree` of main, to compare) take turns run by run, so
    each sees the same load (`-m migrate` imports the checkout in the current directory, so each
    runs in its own). Wall and CPU time of each run, and their medians."""
    checkouts = [os.path.abspath(c) for c in checkouts] or [REPO]
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "2000").replace(",", " ").split()]
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    for size in sizes:
        bench = Size(size)
        server = serve(bench.world.srv)
        try:
            root = bench.copy_root("preflight-only")
            argv = TOOL[:1] + ["-m", "migrate", "--root", root, "--config", bench.config, "preflight",
                               "--downgrade", "--mirror", bench.world.mirror_url(server.url)]
            log = os.path.join(os.path.dirname(root), "preflight.log")
            measured = dict((c, []) for c in checkouts)
            for run in range(runs + 1):  # the first fills the metadata cache
                for checkout in (checkouts if run % 2 == 0 else checkouts[::-1]):
                    result = timed(argv, log, tool_env(checkout), cwd=checkout)
                    if result["code"] != 0:
                        raise SystemExit("preflight of %s exited %d; see %s" % (checkout, result["code"], log))
                    if run:
                        measured[checkout].append(result)
        finally:
            server.stop()
        shutil.rmtree(bench.scratch, ignore_errors=True)
        for checkout, results in measured.items():
            say("size %d, preflight cached, %s: median %.2f s (CPU %.2f s); runs %s; load average %.1f" % (
                size, checkout, median([r["seconds"] for r in results]), median([r["cpu"] for r in results]),
                ", ".join("%.2f" % r["seconds"] for r in results), os.getloadavg()[0]))
    return 0


def measure_size(size, runs, say):
    say("size %d: building or reusing the world under %s" % (size, os.path.relpath(BENCH_DIR, REPO)))
    bench = Size(size)
    say("  world ready in %.1f s (%s)" % (bench.build_seconds, "reused" if bench.build_seconds < 5 else "built"))
    server = serve(bench.world.srv)
    raw = {"convert": [], "bare": [], "preflight": [], "floor": [], "startup": [], "python": [],
           "pyz_startup": [], "pyz_startup_cpu": []}
    try:
        mirror = bench.world.mirror_url(server.url)
        for run in range(runs):
            raw["preflight"].append(bench.preflight(mirror))  # also the plan the floor changes
            say("  run %d preflight %.2f s cached (%.2f s first)" % (
                run + 1, raw["preflight"][-1]["cached"], raw["preflight"][-1]["first"]))
            # alternate the order so neither side always runs on a warmer page cache
            order = (("bare", bench.bare), ("convert", bench.convert))
            for kind, fn in (order if run % 2 == 0 else reversed(order)):
                raw[kind].append(fn(mirror, run))
                say("  run %d %-7s %.2f s" % (run + 1, kind, raw[kind][-1].get("seconds", raw[kind][-1].get("total"))))
                if kind == "convert":  # the floor right after it: the pair shares the machine's load
                    raw["floor"].append(bench.floor(run))
                    say("  run %d floor %.2f s (%d rpm elements); window %.2f s" % (
                        run + 1, raw["floor"][-1]["seconds"], raw["floor"][-1]["elements"],
                        raw["convert"][-1]["window"]))
            tool, python = startup()
            raw["startup"].append(tool)
            raw["python"].append(python)
            wall, cpu = pyz_startup()
            raw["pyz_startup"].append(wall)
            raw["pyz_startup_cpu"].append(cpu)
    finally:
        server.stop()
    shutil.rmtree(bench.scratch, ignore_errors=True)
    return summarize(size, raw, bench.build_seconds)


def summarize(size, raw, build_seconds):
    conv, bare = raw["convert"], raw["bare"]
    figures = {
        "installed": conv[0]["installed"],
        "transaction_items": conv[0]["transaction_items"],
        "bare_s": median([b["total"] for b in bare]),
        "convert_s": median([c["seconds"] for c in conv]),
        "window_s": median([c["window"] for c in conv]),
        "floor_s": median([f["seconds"] for f in raw["floor"]]),
        "floor_elements": raw["floor"][0]["elements"],
        # the window against the floor measured in the same run, right after it
        "window_floor": median([c["window"] / f["seconds"] for c, f in zip(conv, raw["floor"])]),
        "bare_mixed_s": median([b["mixed"] for b in bare]),
        "preflight_s": median([p["cached"] for p in raw["preflight"]]),
        "preflight_first_s": median([p["first"] for p in raw["preflight"]]),
        "startup_s": median(raw["startup"]),
        "python_startup_s": median(raw["python"]),
        "pyz_startup_s": median(raw["pyz_startup"]),
        "pyz_startup_cpu_s": median(raw["pyz_startup_cpu"]),
        "convert_cpu_s": median([c["cpu"] for c in conv]),
        "bare_cpu_s": median([b["cpu"] for b in bare]),
        "preflight_cpu_s": median([p["cpu"] for p in raw["preflight"]]),
        "tool_rss_mb": median([c["rss_mb"] for c in conv]),
        "preflight_rss_mb": median([p["rss_mb"] for p in raw["preflight"]]),
        "bare_rss_mb": median([b["rss_mb"] for b in bare]),
        # where the tool's time goes (medians of each part)
        "transaction_s": median([c["steps"].get("DISTRO_SYNC", 0) for c in conv]),
        "parts": {
            "start_and_exit": median([c["outside"] for c in conv]),
            "assess": median([c["assess"] for c in conv]),
            "after_steps": median([c["after_steps"] for c in conv]),
        },
        "bare_phases": {},
        "world_build_s": build_seconds,
    }
    for step in conv[0]["steps"]:
        figures["parts"][step] = median([c["steps"][step] for c in conv])
    for phase in bare[0]["phases"]:
        figures["bare_phases"][phase] = median([b["phases"][phase] for b in bare])
    figures["ratio"] = figures["convert_s"] / figures["bare_s"]
    figures["window_share"] = figures["window_s"] / figures["bare_s"]
    figures["cpu_ratio"] = figures["convert_cpu_s"] / figures["bare_cpu_s"]
    # each convert against the bare run next to it: less exposed to the machine's load drifting
    figures["paired_ratio"] = median([c["seconds"] / b["total"] for c, b in zip(conv, bare)])
    figures["paired_window_share"] = median([c["window"] / b["total"] for c, b in zip(conv, bare)])
    return {"figures": figures, "raw": raw}


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as handle:
            model = next((l.split(":", 1)[1].strip() for l in handle if l.startswith("model name")), "")
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as handle:
            memory = int(handle.readline().split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        memory = None
    versions = {}
    try:
        versions["rpm"] = subprocess.run(["rpm", "--version"], stdout=subprocess.PIPE,
                                         universal_newlines=True).stdout.split("\n")[0].split()[-1]
    except OSError:
        versions["rpm"] = None
    try:  # not `dnf --version`: it reads this machine's rpmdb (Debian's rpm would create ~/.rpmdb)
        import dnf.const

        versions["dnf"] = dnf.const.VERSION
    except ImportError:
        versions["dnf"] = None
    with open("/etc/os-release") as handle:
        os_name = next((l.split("=", 1)[1].strip().strip('"') for l in handle if l.startswith("PRETTY_NAME=")), "")
    return {"cpu": model, "cpus": os.cpu_count(), "memory_mb": memory, "os": os_name,
            "kernel": platform.release(), "python": platform.python_version(), **versions}


ROWS = (  # (key, label, format)
    ("installed", "installed packages", "%d"),
    ("transaction_items", "transaction items", "%d"),
    ("bare_s", "bare rpm/dnf sequence (s)", "%.2f"),
    ("convert_s", "convert end to end (s)", "%.2f"),
    ("ratio", "convert / bare", "%.2f"),
    ("paired_ratio", "  same, median of pairs", "%.2f"),
    ("convert_cpu_s", "convert CPU time (s)", "%.2f"),
    ("bare_cpu_s", "bare CPU time (s)", "%.2f"),
    ("cpu_ratio", "  CPU convert / bare", "%.2f"),
    ("floor_elements", "floor: rpm elements", "%d"),
    ("floor_s", "floor: one bare rpm transaction (s)", "%.2f"),
    ("window_s", "mixed-state window (s)", "%.2f"),
    ("window_floor", "window / floor, median of pairs", "%.2f"),
    ("transaction_s", "  DISTRO_SYNC step (s)", "%.2f"),
    ("window_share", "window / bare total", "%.0f%%"),
    ("paired_window_share", "  same, median of pairs", "%.0f%%"),
    ("bare_mixed_s", "bare's own mixed state (s)", "%.2f"),
    ("preflight_s", "preflight, cached (s)", "%.2f"),
    ("preflight_cpu_s", "  its CPU time (s)", "%.2f"),
    ("startup_s", "start-up, --help (s)", "%.3f"),
    ("python_startup_s", "  python -c pass (s)", "%.3f"),
    ("pyz_startup_s", "start-up of the pyz, --help (s)", "%.3f"),
    ("pyz_startup_cpu_s", "  its CPU time (s)", "%.3f"),
    ("tool_rss_mb", "tool peak memory (MB)", "%.0f"),
    ("bare_rss_mb", "  largest bare command (MB)", "%.0f"),
)


def fmt(value, pattern):
    if value is None:
        return "-"
    return pattern % (value * 100 if pattern.endswith("%%") else value)


def growth(results, key, low, high):
    a, b = results[low]["figures"].get(key), results[high]["figures"].get(key)
    return b / a if a and b is not None else None


def verdicts(results, sizes):
    """[(target text, met: True/False/None, measured)]"""
    out = []
    for key, (limit, where, text) in TARGETS.items():
        applies = sizes if where == "every size" else list(where)
        where_text = "" if where == "every size" else " at %s" % ", ".join(str(w) for w in where)
        values = [results[s]["figures"].get(key) for s in applies if s in results]
        values = [v for v in values if v is not None]
        if not values:
            out.append(("%s <= %s%s" % (text, limit, where_text), None, "not measured"))
            continue
        worst = max(values)
        out.append(("%s <= %s%s" % (text, limit, where_text), worst <= limit,
                    "%.2f" % worst + (" (worst)" if len(values) > 1 else "")))
    if 1000 in results and 2000 in results:
        grown = [(label, growth(results, key, 1000, 2000)) for key, label, _ in ROWS
                 if key in GROWTH_FIGURES]
        worst = max(grown, key=lambda item: item[1] or 0)
        out.append(("window growth 1000 -> 2000 <= %sx" % GROWTH_LIMIT,
                    worst[1] <= GROWTH_LIMIT, "%.2fx (%s)" % (worst[1], worst[0].strip())))
    else:
        out.append(("window growth 1000 -> 2000 <= %sx" % GROWTH_LIMIT, None, "needs sizes 1000 and 2000"))
    return out


def table(results, sizes):
    lines = []
    has_growth = 1000 in results and 2000 in results
    head = "%-34s" % "figure" + "".join("%10s" % s for s in sizes) + ("%12s" % "1000->2000" if has_growth else "")
    lines.append(head)
    lines.append("-" * len(head))
    for key, label, pattern in ROWS:
        row = "%-34s" % label + "".join("%10s" % fmt(results[s]["figures"].get(key), pattern) for s in sizes)
        if has_growth and key not in ("installed", "floor_elements", "transaction_items"):
            g = growth(results, key, 1000, 2000)
            row += "%12s" % ("%.2fx" % g if g else "-")
        lines.append(row)
    lines.append("")
    lines.append("where convert's time goes (s, medians):")
    parts = sorted(set(k for s in sizes for k in results[s]["figures"]["parts"]),
                   key=lambda k: -results[sizes[-1]]["figures"]["parts"].get(k, 0))
    for part in parts:
        lines.append("  %-32s" % part + "".join("%10s" % fmt(results[s]["figures"]["parts"].get(part), "%.2f")
                                               for s in sizes))
    lines.append("bare sequence phases (s, medians):")
    for phase in results[sizes[0]]["figures"]["bare_phases"]:
        lines.append("  %-32s" % phase + "".join("%10s" % fmt(results[s]["figures"]["bare_phases"].get(phase), "%.2f")
                                                for s in sizes))
    lines.append("")
    lines.append("targets:")
    for text, met, measured in verdicts(results, sizes):
        mark = {True: "met", False: "NOT MET", None: "n/a"}[met]
        lines.append("  %-8s %-58s %s" % (mark, text, measured))
    return "\n".join(lines)


def show(path):
    """Print the table of an earlier run's results file again (the targets re-judged)."""
    with open(path) as handle:
        document = json.load(handle)
    sizes = document["sizes"]
    results = dict((int(s), r) for s, r in document["results"].items())
    print(table(results, sizes))
    return 0


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--show"]:
        return show(argv[1] if len(argv) > 1 else RESULTS)
    if argv[:1] == ["--mask"]:
        print(mask_line(mask_cost()))
        return 0
    if argv[:1] == ["--startup"]:
        os.makedirs(BENCH_DIR, exist_ok=True)
        build_pyz()
        tool, python = startup()
        wall, cpu = pyz_startup()
        print("start-up, --help (s, median of %d; target <= %s): venv %.3f, pyz with %s %.3f (CPU %.3f); "
              "python -c pass %.3f; load average %.1f" % (STARTUP_RUNS, TARGETS["pyz_startup_s"][0], tool,
                                                          SYSTEM_PYTHON, wall, cpu, python, os.getloadavg()[0]))
        return 0
    missing = missing_requirements()
    if missing:
        print("bench: cannot build the sandbox, missing: " + ", ".join(missing), file=sys.stderr)
        return 1
    if argv[:1] == ["--preflight"]:
        os.makedirs(BENCH_DIR, exist_ok=True)
        return preflight_only(argv[1:], lambda text: print(text, flush=True))
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "500,1000,2000").replace(",", " ").split()]
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    os.makedirs(BENCH_DIR, exist_ok=True)
    build_pyz()
    say = lambda text: print(text, flush=True)  # noqa: E731
    started = time.monotonic()
    load_before = os.getloadavg()
    results = {}
    for size in sizes:
        results[size] = measure_size(size, runs, say)
    load = {"before": load_before, "after": os.getloadavg()}
    document = {
        "schema": "almalinux-migrate/bench/1",
        "taken": datetime.datetime.utcnow().replace(microsecond=0).isoformat() + "Z",
        "machine": machine(), "load_average": load, "runs": runs, "sizes": sizes,
        "seconds": round(time.monotonic() - started, 1),
        "results": dict((str(s), r) for s, r in results.items()),
        "targets": [{"target": t, "met": m, "measured": v} for t, m, v in verdicts(results, sizes)],
        "mask": mask_cost(),
    }
    with open(RESULTS + ".tmp", "w") as handle:
        json.dump(document, handle, indent=2, sort_keys=True)
    os.replace(RESULTS + ".tmp", RESULTS)
    say("")
    say("almalinux-migrate benchmark: %d run(s) per size, medians; %s, %d CPUs, %s; "
        "load average %.1f before, %.1f after" % (
            runs, document["machine"]["cpu"], document["machine"]["cpus"], document["machine"]["os"],
            load["before"][0], load["after"][0]))
    say(table(results, sizes))
    say(mask_line(document["mask"]))
    say("")
    say("figures: %s (%.0f s in all)" % (os.path.relpath(RESULTS, REPO), document["seconds"]))
    return 0
