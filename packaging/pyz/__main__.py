"""almalinux-migrate, one-file build: runs with the host's own interpreter (platform-python
3.6 on EL8, python3 on EL9 and EL10), which brings the rpm and dnf bindings.

zipimport compiles every module from source on every start (it neither reads __pycache__
nor writes bytecode) and takes only one interpreter's .pyc beside a .py. So the build adds
_pyc/<cache tag>/ for each interpreter it had (packaging/pyz/build.py): marshalled code for
that interpreter only. _Bytecode serves the modules listed there; everything else (another
interpreter, a module not compiled) is imported from source as before."""
import os
import sys

if sys.version_info < (3, 6):
    sys.stderr.write("almalinux-migrate needs Python 3.6 or newer, not %s\n" % sys.version.split()[0])
    sys.exit(1)

import importlib.machinery  # noqa: E402
import importlib.util  # noqa: E402
import marshal  # noqa: E402
import zipimport  # noqa: E402

ARCHIVE = os.path.dirname(os.path.abspath(__file__))


class _Bytecode(object):
    """Modules of this archive from _pyc/<tag>/; __file__ stays the .py inside the archive
    (data files are found next to it), source and data are read through zipimport. A meta
    path finder and loader by protocol: importlib.abc would import importlib.resources,
    pathlib and zipfile at start-up (40 ms on 3.11)."""

    def __init__(self, archive, prefix, index):
        self.zip = zipimport.zipimporter(archive)
        self.archive, self.prefix = archive, prefix
        self.packages = set(line[:-1] for line in index if line.endswith("/"))
        self.modules = set(line for line in index if line and not line.endswith("/"))

    def find_spec(self, name, path=None, target=None):
        is_package = name in self.packages
        if not is_package and name not in self.modules:
            return None
        member = name.replace(".", "/") + ("/__init__" if is_package else "")
        spec = importlib.machinery.ModuleSpec(name, self, origin=os.path.join(self.archive, member + ".py"),
                                              is_package=is_package)
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [os.path.join(self.archive, name.replace(".", "/"))]
        spec.loader_state = member
        return spec

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        data = self.zip.get_data(self.prefix + module.__spec__.loader_state + ".pyc")
        exec(marshal.loads(data[len(importlib.util.MAGIC_NUMBER):]), module.__dict__)

    def get_source(self, name):
        return self.zip.get_source(name)

    def get_data(self, path):
        return self.zip.get_data(path)


def _install_bytecode():
    prefix = "_pyc/%s/" % sys.implementation.cache_tag
    try:
        archive = zipimport.zipimporter(ARCHIVE)
        index = archive.get_data(prefix + "INDEX").decode("utf-8").splitlines()
    except (zipimport.ZipImportError, OSError):
        return  # not built for this interpreter, or not run from the archive: source it is
    if index and index[0] == importlib.util.MAGIC_NUMBER.hex():
        sys.meta_path.insert(0, _Bytecode(ARCHIVE, prefix, index[1:]))


if sys.version_info < (3, 7):
    # The dataclasses backport, for 3.6 only: on 3.7+ it would break the stdlib's typing.
    sys.path.insert(1, os.path.join(ARCHIVE, "_vendor36"))
from migrate.launch import main  # noqa: E402  (a signal from here on ends quietly)

main(prepare=_install_bytecode)
