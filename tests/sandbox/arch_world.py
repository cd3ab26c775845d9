"""Hosts of the other architectures (aarch64, ppc64le, s390x) for the sandbox, built next to
the x86_64 world and with its keys: `rpmbuild --target ARCH`, a mirror with ARCH directories,
and a Rocky 9.4 root installed by `dnf --forcearch=ARCH`. Scriptlets still run, through the
x86_64 busybox the roots ship as bash (docs/development.md, "The sandbox and its traps").

Smaller than the world (a few fillers, no broken mirrors) and with kernels: the Rocky host has
an older Rocky kernel-core only, AlmaLinux's mirror a newer `kernel` + `kernel-core`, so the
conversion must install AlmaLinux's kernel and keep Rocky's as the fallback."""
import copy
import os
import shutil

from tests.sandbox.fixture.build import build_side, sign
from tests.sandbox.fixture.catalog import build_catalog, kernel_packages
from tests.sandbox.fixture.keys import stop_agent
from tests.sandbox.fixture.mirror import ALMA_VERSION, EMPTY_REPOS
from tests.sandbox.fixture.roots import dnf_argv, write_build_config
from tests.sandbox.fixture.run import make_env, rpm_argv, run

SIDES = ("rocky", "alma", "thirdparty")
ALMA_KERNEL = ("5.14.0", "427.13.1.el9_4")
ROCKY_KERNEL = ("5.14.0", "362.24.1.el9_3")


def arch_catalog(world, arch):
    """The world's Rocky, AlmaLinux and third-party packages rebuilt for arch, plus kernels."""
    catalog = build_catalog(4, world.keys)
    sides = {}
    for side in SIDES:
        pkgs = []
        for pkg in catalog[side]:
            pkg = copy.copy(pkg)
            if pkg.arch != "noarch":
                pkg.arch = arch
            pkg.built_by = None  # each side builds its own copy here
            pkgs.append(pkg)
        sides[side] = pkgs
    sides["rocky"] += kernel_packages(arch, ROCKY_KERNEL[0], ROCKY_KERNEL[1], meta=False)
    sides["alma"] += kernel_packages(arch, ALMA_KERNEL[0], ALMA_KERNEL[1], meta=True)
    return sides


def _repo(directory, paths, env):
    os.makedirs(os.path.join(directory, "Packages"), exist_ok=True)
    for path in paths:
        shutil.copy(path, os.path.join(directory, "Packages"))
    run(["createrepo_c", "--quiet", "--no-database", directory], env)
    return directory


def build_arch_host(world, arch, workdir):
    """(srv, root): a mirror tree to serve and a pristine Rocky 9.4 root of `arch`."""
    workdir = os.path.abspath(str(workdir))
    env = make_env(os.path.join(workdir, "home"), world.gnupghome)
    catalog = arch_catalog(world, arch)
    built = {}
    try:
        for side in SIDES:
            built[side] = build_side(side, catalog[side], workdir, env, arch=arch)
            sign(sorted(built[side].values()), world.keys[side], env)
    finally:
        stop_agent(env)
    srv = os.path.join(workdir, "srv")
    alma = os.path.join(srv, "almalinux")
    for repo in ("BaseOS", "AppStream") + EMPTY_REPOS:  # extras: present and empty, as in the world
        _repo(os.path.join(alma, ALMA_VERSION, repo, arch, "os"),
              [built["alma"][p.name] for p in catalog["alma"] if p.repo == repo], env)
    os.symlink(ALMA_VERSION, os.path.join(alma, "9"))
    shutil.copyfile(world.keys["alma"].path, os.path.join(alma, "RPM-GPG-KEY-AlmaLinux-9"))
    sources = dict((side, _repo(os.path.join(srv, side, arch), built[side].values(), env))
                   for side in ("rocky", "thirdparty"))

    root = os.path.join(workdir, "root")
    os.makedirs(root)
    for side in ("rocky", "thirdparty"):
        run(rpm_argv(root, "--import", world.keys[side].path), env)
    config, empty = write_build_config(workdir)
    names = sorted(set(p.name for p in catalog["rocky"] + catalog["thirdparty"]))
    repos = ["--repofrompath=%s,file://%s" % (repo_id, sources[side])
             for repo_id, side in (("baseos", "rocky"), ("thirdparty", "thirdparty"))]
    run(dnf_argv(root, "-y", "--config=" + config, "--releasever=9", "--forcearch=" + arch,
                 "--setopt=reposdir=" + empty) + repos + ["install"] + names, env)
    return srv, root
