"""Compile a staged tree for the interpreter that runs this script (build.py runs it once per
interpreter): writes OUT/<cache tag>/<module path>.pyc (magic number + marshalled code) and
OUT/<cache tag>/INDEX (the magic number in hex, then one module per line, packages with a
trailing "/"), as packaging/pyz/__main__.py reads them.

    python3.X packaging/pyz/compile.py TREE OUT

Modules this interpreter cannot compile (syntax it does not know) are left out: the archive
still has their source. _vendor36 is compiled by 3.6 only (it is on sys.path there only)."""
import importlib.util
import marshal
import os
import sys


def stable_dumps(code):
    """marshal marks objects for back-references by their reference counts, which depend on
    the compiler's history; a round trip leaves counts set by the structure alone, so the same
    source gives the same bytes (together with the fixed PYTHONHASHSEED build.py sets)."""
    return marshal.dumps(marshal.loads(marshal.dumps(code)))


def main(tree, out):
    tag_dir = os.path.join(out, sys.implementation.cache_tag)
    index = []
    for current, dirs, names in os.walk(tree):
        dirs.sort()
        rel_dir = os.path.relpath(current, tree)
        if rel_dir.split(os.sep)[0] == "_vendor36":
            continue  # its own sys.path entry on 3.6: zipimport serves it from source
        for name in sorted(names):
            if not name.endswith(".py") or (rel_dir == "." and name == "__main__.py"):
                continue
            rel = os.path.normpath(os.path.join(rel_dir, name))
            with open(os.path.join(tree, rel), "rb") as handle:
                source = handle.read()
            try:
                code = compile(source, rel.replace(os.sep, "/"), "exec", dont_inherit=True)
            except SyntaxError:
                continue
            target = os.path.join(tag_dir, rel[:-len(".py")] + ".pyc")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(importlib.util.MAGIC_NUMBER + stable_dumps(code))
            module = rel[:-len(".py")].replace(os.sep, ".")
            index.append(module[:-len(".__init__")] + "/" if module.endswith(".__init__") else module)
    with open(os.path.join(tag_dir, "INDEX"), "w") as handle:
        handle.write("\n".join([importlib.util.MAGIC_NUMBER.hex()] + sorted(index)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
