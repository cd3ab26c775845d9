"""The .rpmnew/.rpmsave files a conversion leaves: rpm keeps an edited config file and puts the
package's new copy beside it (.rpmnew), or saves the edited one when the package replaces it
(.rpmsave). Each needs a person's look, so the report lists the ones the conversion created."""
import os

SUFFIXES = (".rpmnew", ".rpmsave")
SEARCHED = ("/etc",)  # rpm's %config files live there on EL; walking all of / costs minutes


def collect_config_leftovers(root):
    """Paths (inside the root) of every .rpmnew/.rpmsave file under SEARCHED, sorted."""
    found = []
    for top in SEARCHED:
        base = root.join(top)
        for current, dirs, files in os.walk(base):
            dirs.sort()
            for name in files:
                if name.endswith(SUFFIXES):
                    found.append(top.rstrip("/") + "/" + os.path.relpath(os.path.join(current, name), base))
    return sorted(found)


def created_config_files(before, after):
    """Report entries for the files that are new since `before`."""
    seen = set(before or ())
    return [{"path": path, "kind": path.rsplit(".", 1)[1]} for path in after if path not in seen]
