"""Small edits of the files in /etc/yum.repos.d shared by the steps that touch them: switch
sections on and off, move files aside without deleting them.

Edits keep every other byte: files are read as UTF-8 with surrogateescape (a Latin-1 comment
comes back as it was) and only the value of an `enabled` line changes, its spacing kept."""
import os
import re

ENABLED_LINE = re.compile(r"(\s*enabled\s*=\s*)(\S*)(.*)", re.S)

REPOS_DIR = "/etc/yum.repos.d"
ASIDE_SUFFIX = ".almalinux-migrate-disabled"  # no longer *.repo: dnf ignores it


def rename_aside(root, directory, names, suffix):
    """Rename directory/name to directory/name+suffix for each name; returns the detail."""
    for name in names:
        path = "%s/%s" % (directory, name)
        os.rename(root.join(path, follow=False), root.join(path + suffix, follow=False))
    return "moved aside: %s" % ", ".join(names)


def enable_sections(text, repo_ids):
    """Set enabled=1 in the [id] sections of a .repo file text (adding it when absent)."""
    return set_enabled(text, repo_ids, True)


def set_enabled(text, repo_ids, enabled):
    """Set enabled=1 (or 0) in the [id] sections of a .repo file text (added when absent)."""
    flag = "1" if enabled else "0"
    newline = "\r\n" if "\r\n" in text else "\n"
    value = "enabled=" + flag + newline
    out, current, seen = [], None, False
    for line in text.splitlines(True):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            if current in repo_ids and not seen:
                out.append(value)
            current, seen = stripped[1:-1], False
        elif current in repo_ids and stripped.replace(" ", "").startswith("enabled="):
            match = ENABLED_LINE.match(line)
            out.append(match.group(1) + flag + match.group(3))
            seen = True
            continue
        out.append(line)
    if current in repo_ids and not seen:
        out.append(value if text.endswith("\n") or not text else newline + value)
    return "".join(out)


def read_repo_text(root, path):
    """A repo file's text, every byte kept (write it back with write_repo_text)."""
    return root.read_bytes(path).decode("utf-8", "surrogateescape")


def write_repo_text(root, path, text):
    root.write_bytes(path, text.encode("utf-8", "surrogateescape"))


def rewrite_repo_files(root, transform):
    """Apply transform(text) to every .repo file, writing only those it changes; their names."""
    changed = []
    for name in root.listdir(REPOS_DIR):
        if not name.endswith(".repo"):
            continue
        path = "%s/%s" % (REPOS_DIR, name)
        text = read_repo_text(root, path)
        new = transform(text)
        if new != text:
            write_repo_text(root, path, new)
            changed.append(name)
    return changed
