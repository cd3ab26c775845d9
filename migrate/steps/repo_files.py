"""Small edits of the files in /etc/yum.repos.d shared by the steps that touch them: switch
sections on and off, move files aside without deleting them."""
import os

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
    value = "enabled=%d\n" % (1 if enabled else 0)
    out, current, seen = [], None, False
    for line in text.splitlines(True):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            if current in repo_ids and not seen:
                out.append(value)
            current, seen = stripped[1:-1], False
        elif current in repo_ids and stripped.replace(" ", "").startswith("enabled="):
            out.append(value)
            seen = True
            continue
        out.append(line)
    if current in repo_ids and not seen:
        out.append(value if text.endswith("\n") or not text else "\n" + value)
    return "".join(out)


def rewrite_repo_files(root, transform):
    """Apply transform(text) to every .repo file, writing only those it changes; their names."""
    changed = []
    for name in root.listdir(REPOS_DIR):
        if not name.endswith(".repo"):
            continue
        path = "%s/%s" % (REPOS_DIR, name)
        text = root.read_text(path)
        new = transform(text)
        if new != text:
            root.write_text(path, new)
            changed.append(name)
    return changed
