"""migrate.layout names the tool's own files once: no other module spells a path under the state
or log directory in code (docstrings may mention them for the reader)."""
import ast
import os

from migrate import layout

TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "migrate")
PREFIXES = (layout.STATE_DIR, layout.RUNS_DIR)
LITERALS = (getattr(ast, "Str", ast.Constant), ast.Constant)  # ast.Str: Python 3.6 (removed in 3.14)


def text(node):
    """A string literal's text, or None (Python 3.6 parses literals as ast.Str, later ones as Constant)."""
    value = getattr(node, "value", getattr(node, "s", None)) if isinstance(node, LITERALS) else None
    return value if isinstance(value, str) else None


def docstrings(tree):
    nodes = [tree] + [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    found = set()
    for node in nodes:
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and text(body[0].value) is not None:
            found.add(id(body[0].value))
    return found


def spelled_paths(path):
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    skip = docstrings(tree)
    literals = [(node, text(node)) for node in ast.walk(tree)]
    return [value for node, value in literals
            if value is not None and id(node) not in skip and any(p in value for p in PREFIXES)]


def test_only_layout_spells_the_state_and_log_paths():
    spelled = {}
    for current, _, files in os.walk(TOP):
        for name in files:
            path = os.path.join(current, name)
            if name.endswith(".py") and os.path.abspath(path) != os.path.abspath(layout.__file__.rstrip("c")):
                found = spelled_paths(path)
                if found:
                    spelled[os.path.relpath(path, TOP)] = found
    assert spelled == {}


def test_the_guard_sees_a_spelled_path(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""Mentions %s/journal.json."""\nPATH = "%s/x"\n' % (layout.STATE_DIR, layout.STATE_DIR))
    assert spelled_paths(str(module)) == [layout.STATE_DIR + "/x"]


def test_the_contracts_files_table_names_the_public_paths():
    """docs/cli.md "Files" is the contract panels read: its paths are layout's."""
    contract = os.path.join(TOP, "..", "docs", "cli.md")
    with open(contract, encoding="utf-8") as handle:
        table = handle.read().split("\n## Files", 1)[1].split("\n## ", 1)[0]
    listed = set(line.split("`")[1] for line in table.splitlines() if line.startswith("| `"))
    public = set([layout.JOURNAL, layout.STATE_DIR + "/", layout.SECRETS_FILE, layout.LOG_FILE,
                  layout.REPORT_FILE, layout.RUNS_DIR + "/"])
    assert listed == public
