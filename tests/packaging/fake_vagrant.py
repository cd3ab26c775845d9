"""A stand-in for the vagrant command, for run-matrix.sh: each "box" is a sandbox root, and
`up` runs vagrant/provision/migrate.sh convert, then (the reboot being a no-op here) verify
against it, as the Vagrantfile's provisioners would (output prefixed with the machine name,
and exit 1 when a provisioner fails, like vagrant's).

FAKE_VAGRANT = JSON {"machines": {name: {"root": DIR, "args": convert options}},
                     "pyz": PATH, "config": FILE, "workdir": DIR}"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MIGRATE_SH = os.path.join(os.path.dirname(os.path.dirname(HERE)), "vagrant", "provision", "migrate.sh")


def provision(setup, name, phase):
    machine = setup["machines"][name]
    env = dict(os.environ, ALMALINUX_MIGRATE_UPLOAD=setup["pyz"],
               ALMALINUX_MIGRATE_TOOL=os.path.join(setup["workdir"], name, "almalinux-migrate"),
               ALMALINUX_MIGRATE_GLOBAL="--root %s --config %s" % (machine["root"], setup["config"]),
               ALMALINUX_MIGRATE_ARGS=machine["args"], ALMALINUX_MIGRATE_VERIFY_ARGS="",
               ALMALINUX_MIGRATE_OUT=os.path.join(setup["workdir"], "%s-%s.json" % (name, phase)))
    print("==> %s: Running provisioner: %s (shell)..." % (name, phase))
    proc = subprocess.run(["sh", MIGRATE_SH, phase], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, env=env)
    for line in proc.stdout.splitlines():
        print("    %s: %s" % (name, line))
    return 1 if proc.returncode else 0


def main(argv):
    setup = json.loads(os.environ["FAKE_VAGRANT"])
    with open(os.path.join(setup["workdir"], "calls"), "a") as calls:
        calls.write(" ".join(argv) + "\n")
    command, rest = argv[0], argv[1:]
    if command == "--version":
        print("Vagrant 2.3.4")
        return 0
    if command == "status":
        for name in setup["machines"]:
            print("1700000000,%s,state,not_created" % name)
        return 0
    if command == "up":
        return provision(setup, rest[0], "convert") or provision(setup, rest[0], "verify")
    if command == "destroy":
        print("==> %s: %s" % (rest[0], command))
        return 0
    print("fake vagrant: unexpected %r" % argv, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
