"""Files a step adds where the root may lack their directories (the login banner, the resume
unit): the directories it had to create are recorded first, so that undo and the final clean-up
remove exactly those and leave the root as it was."""
import json
import os


def missing_dirs(root, path):
    """The parent directories of `path` the root lacks, outermost first."""
    missing, current = [], os.path.dirname(path)
    while current != "/" and not root.exists(current):
        missing.insert(0, current)
        current = os.path.dirname(current)
    return missing


def record_missing_dirs(root, record, path):
    """Note in `record` (a state-dir file) the directories writing `path` will create; a
    second call (a resumed step) keeps the first record."""
    if not root.exists(record):
        root.write_text(record, json.dumps(missing_dirs(root, path)))


def remove_created_dirs(root, record):
    """Remove the recorded directories that are empty again, innermost first, then the record."""
    created = json.loads(root.read_text(record, "[]"))
    for path in reversed(created):
        if root.isdir(path) and not root.listdir(path):
            os.rmdir(root.join(path, follow=False))
    root.remove(record)
