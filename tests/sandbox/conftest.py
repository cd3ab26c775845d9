"""Fixtures for the sandbox tests: one built world per session, fresh root copies per test.

The world (keys, signed RPMs, mirror tree, pristine roots) takes a few seconds to build, so
it is session-scoped; tests get `cp -a` copies of the roots and never touch the pristine
ones. Set MIGRATE_SANDBOX_WORLD=DIR to reuse a world built earlier in DIR (for example by
`python3 -m tests.sandbox.fixture build DIR`); it is rebuilt there if stale.
"""
import os
import pathlib

import pytest

from tests.sandbox.fixture import build_world, missing_requirements, serve

WORLD_ENV = "MIGRATE_SANDBOX_WORLD"


def pytest_report_header(config):
    missing = missing_requirements()
    if missing:
        return "sandbox: SKIPPED, this machine lacks: " + ", ".join(missing)
    return None


@pytest.fixture(scope="session")
def world(tmp_path_factory):
    """The built sandbox (tests.sandbox.fixture.World)."""
    missing = missing_requirements()
    if missing:
        pytest.skip("sandbox needs rpm, rpmbuild, createrepo_c and the dnf bindings "
                    "(/usr/bin/python3); missing: " + ", ".join(missing))
    workdir = os.environ.get(WORLD_ENV) or str(tmp_path_factory.mktemp("world"))
    return build_world(workdir)


@pytest.fixture(scope="session")
def mirror(world):
    """Base URL (http://127.0.0.1:PORT) serving world.srv; AlmaLinux mirror at URL/almalinux."""
    server = serve(world.srv)
    yield server.url
    server.stop()


@pytest.fixture
def centos9_root(world, tmp_path):
    """A fresh copy of the pristine CentOS Stream 9 root, as a pathlib.Path."""
    return pathlib.Path(world.copy_root("centos-stream-9", tmp_path / "centos-stream-9"))


@pytest.fixture
def rocky9_root(world, tmp_path):
    """A fresh copy of the pristine Rocky Linux 9.4 root, as a pathlib.Path."""
    return pathlib.Path(world.copy_root("rocky-9", tmp_path / "rocky-9"))


@pytest.fixture
def trust_config(world, tmp_path):
    """A --config TOML file trusting the sandbox's AlmaLinux test key; returns its path."""
    path = tmp_path / "almalinux-migrate.toml"
    path.write_text('[trust]\nextra_fingerprints = ["{}"]\n'.format(
        world.keys["alma"].fingerprint), encoding="utf-8")
    return path
