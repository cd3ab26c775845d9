# make demo: build a simulated CentOS Stream 9 host and convert it to AlmaLinux 9.
# make test: the Python 3.6 gate, unit tests on 3.6 and 3.11, sandbox end-to-end tests,
#            and the packaging tests (pyz, RPM, Ansible role, Vagrant matrix).
# make dist: dist/almalinux-migrate.pyz, the noarch RPM and SRPM, SHA256SUMS; SIGN_KEY=KEY signs
#   the RPMs and SHA256SUMS (gpg, GNUPGHOME as set). make pyz, make rpm: one of them.
#   They need only python3 with pip and rpmbuild (no venv, no dpkg): the same on an EL host.
# make bench: convert vs. the bare rpm/dnf sequence at 500, 1000 and 2000 packages, 3 runs
#   each (BENCH_SIZES="500" BENCH_RUNS=1 for a quick one); figures in .sandbox/bench/results.json.
# Everything it needs is installed by the targets themselves (apt packages, two venvs).

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# This machine's pip also reads a local index that may be absent; its warnings are noise.
QUIET_PIP := 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
SYSTEM_PYTHON := /usr/bin/python3
PYENV_ROOT ?= $(shell pyenv root 2>/dev/null || echo $$HOME/.pyenv)
PY36 := $(firstword $(wildcard $(PYENV_ROOT)/versions/3.6.*/bin/python3.6))
APT_PACKAGES := rpm dnf python3-dnf python3-rpm createrepo-c gnupg busybox-static cpio
# For the packaging tests, without recommends (vagrant's would pull in qemu and libvirt).
FLEET_APT_PACKAGES := vagrant shellcheck
# The release build runs on the host's own python: on EL8 platform-python, where /usr/bin/python3
# may be missing. Bytecode in the pyz for it and for EL8's, EL9's and EL10's interpreters when
# pyenv has them (an interpreter without its bytecode imports from source: slower start only).
BUILD_PYTHON ?= $(firstword $(wildcard /usr/bin/python3 /usr/libexec/platform-python))
PYZ_BYTECODE := $(foreach v,3.6 3.9 3.12,$(firstword $(wildcard $(PYENV_ROOT)/versions/$(v).*/bin/python$(v))))
DIST_DIR ?= dist
SIGN_KEY ?=
VENV := .venv
VENV36 := .venv36
LINT_VENV := .venv-lint
PYTEST_FLAGS ?=

.PHONY: demo test deps lint unit unit36 sandbox bench clean pyz rpm dist packaging fleet-deps

demo: deps $(VENV)/.done
	$(VENV)/bin/python -m tests.sandbox.demo

test: deps lint unit unit36 sandbox packaging

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null \
	  || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; }; \
	fi

# The tool and the sandbox need the host's rpm/dnf bindings: a venv from the system python.
$(VENV)/.done: requirements/runtime.txt requirements/test.txt requirements/ansible.txt
	$(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements/test.txt $(QUIET_PIP)
	touch $@

# EL8 runs the tool on platform-python 3.6: the unit tests run there too (no bindings needed).
$(VENV36)/.done: requirements/runtime.txt requirements/test36.txt
	@test -n "$(PY36)" || { echo "pyenv Python 3.6 not found under $(PYENV_ROOT)/versions" >&2; exit 1; }
	$(PY36) -m venv $(VENV36)
	$(VENV36)/bin/pip install -q --disable-pip-version-check pip==21.3.1 $(QUIET_PIP)
	$(VENV36)/bin/pip install -q --disable-pip-version-check -r requirements/test36.txt $(QUIET_PIP)
	touch $@

lint: $(VENV)/.done $(VENV36)/.done
	$(VENV)/bin/vermin -q -t=3.6- --eval-annotations --violations --no-tips migrate/
	$(VENV36)/bin/python -m compileall -q migrate >/dev/null

unit: $(VENV)/.done
	$(VENV)/bin/python -m pytest -q $(PYTEST_FLAGS) tests/unit

unit36: $(VENV36)/.done
	$(VENV36)/bin/python -m pytest -q -p no:cacheprovider $(PYTEST_FLAGS) tests/unit

sandbox: $(VENV)/.done
	$(VENV)/bin/python -m pytest -q $(PYTEST_FLAGS) tests/sandbox

fleet-deps:
	@missing=$$(for p in $(FLEET_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing (no recommends): $$missing"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null \
	  || { apt-get update -q >/dev/null && \
	       DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null; }; \
	fi

pyz:
	$(BUILD_PYTHON) packaging/pyz/build.py $(DIST_DIR)/almalinux-migrate.pyz $(addprefix --bytecode ,$(PYZ_BYTECODE))

rpm:
	$(BUILD_PYTHON) packaging/rpm/build.py $(DIST_DIR) $(if $(SIGN_KEY),--sign-key '$(SIGN_KEY)')

dist:
	$(BUILD_PYTHON) packaging/dist.py $(DIST_DIR) $(addprefix --bytecode ,$(PYZ_BYTECODE)) \
	  $(if $(SIGN_KEY),--sign-key '$(SIGN_KEY)')

# ansible-lint in a venv of its own (its pins clash with the tool's runtime ones).
$(LINT_VENV)/.done: requirements/ansible-lint.txt requirements/ansible.txt
	$(SYSTEM_PYTHON) -m venv $(LINT_VENV)
	$(LINT_VENV)/bin/pip install -q --disable-pip-version-check -r requirements/ansible-lint.txt $(QUIET_PIP)
	touch $@

# Builds the pyz and the RPM from scratch and tests them; the Ansible role and the Vagrant scripts too.
packaging: deps fleet-deps $(VENV)/.done $(LINT_VENV)/.done
	PYENV_ROOT=$(PYENV_ROOT) $(VENV)/bin/python -m pytest -q $(PYTEST_FLAGS) tests/packaging

bench: deps $(VENV)/.done
	$(VENV)/bin/python -m tests.bench

clean:
	rm -rf $(VENV) $(VENV36) $(LINT_VENV) .sandbox .pytest_cache build dist vagrant/logs
