"""`make demo`: build a simulated CentOS Stream 9 host and convert it to AlmaLinux 9 with the
real CLI, against an AlmaLinux-like mirror on 127.0.0.1. Shows findings, plan, progress and
the result. Everything lives under .sandbox/ in the checkout; nothing touches this machine."""
import os
import shutil
import subprocess
import sys

from tests.sandbox.cli import REPO
from tests.sandbox.fixture import build_world, serve

SANDBOX = os.path.join(REPO, ".sandbox")


def banner(text):
    line = "=" * 78
    print("\n%s\n%s\n%s" % (line, text, line), flush=True)


def cli(root, config, *args):
    argv = [sys.executable, "-m", "migrate", "--root", root, "--config", config] + list(args)
    print("$ almalinux-migrate --root %s %s" % (os.path.relpath(root, REPO), " ".join(args)), flush=True)
    return subprocess.call(argv, cwd=REPO, env=dict(os.environ, PYTHONPATH=REPO))


def main():
    banner("1/4 Building the sandbox: signed CentOS Stream 9 and AlmaLinux 9 packages, a mirror, a host")
    world = build_world(os.path.join(SANDBOX, "world"))
    root = os.path.join(SANDBOX, "demo-host")
    if os.path.exists(root):
        shutil.rmtree(root)
    world.copy_root("centos-stream-9", root)
    config = os.path.join(SANDBOX, "demo.toml")
    with open(config, "w") as handle:
        handle.write('# The sandbox mirror is signed by a throwaway test key, trusted here by fingerprint.\n'
                     '[trust]\nextra_fingerprints = ["%s"]\n' % world.keys["alma"].fingerprint)
    with open(os.path.join(root, "etc", "os-release")) as handle:
        print("Host os-release: " + handle.read().splitlines()[0])
    server = serve(world.srv)
    try:
        mirror = world.mirror_url(server.url)
        banner("2/4 preflight: findings and the plan (changes nothing)")
        cli(root, config, "preflight", "--mirror", mirror, "--downgrade")
        banner("3/4 convert")
        code = cli(root, config, "convert", "--yes", "--downgrade", "--mirror", mirror)
    finally:
        server.stop()
    banner("4/4 The result (exit code %d); the mirror is stopped now, verify works offline" % code)
    cli(root, config, "verify")
    with open(os.path.join(root, "etc", "os-release")) as handle:
        print("Host os-release now: " + " ".join(handle.read().splitlines()[:3]))
    print("Report: %s" % os.path.relpath(os.path.join(root, "var/log/almalinux-migrate-report.json"), REPO))
    print("Log:    %s" % os.path.relpath(os.path.join(root, "var/log/almalinux-migrate.log"), REPO))
    runs = os.path.join(root, "var/log/almalinux-migrate")
    print("Every run's log and report (the convert's too): %s/" % os.path.relpath(runs, REPO))
    for name in sorted(os.listdir(runs)):
        print("  " + name)
    return code


if __name__ == "__main__":
    sys.exit(main())
