"""Golden files for reports and event streams: normalise what varies between runs (clocks,
run ids, hostnames, temporary paths, ports), keep everything structural, compare with a diff.

Normalisation rules (each checked by running the capture twice):
- keys naming a time or a duration (`ts`, `*_at`, `started`, `finished`, `duration*`,
  `elapsed*`, `seconds`) -> "<TIME>"; `run_id` -> "<RUN_ID>"; `hostname` -> "<HOST>";
- in every string: the root path -> "<ROOT>", the mirror's http://127.0.0.1:PORT -> "<MIRROR>",
  the events/state temp dirs -> "<TMP>", ISO timestamps -> "<TIME>";
- the world's keys are made afresh for every build: each vendor's fingerprint, long and short
  key id (either case) -> "<FPR:vendor>", "<KEYID:vendor>", "<SHORTID:vendor>", and the
  gpg-pubkey release (the key's creation time) -> "<CREATED>"; a non-zero `download_size` ->
  "<SIZE>" (signed package files differ by a byte or so per build; 0 is kept, as are the
  installed and removed sizes, which are stable); lists of gpg-pubkey names, in lists or
  "; "-joined in a detail, are sorted after that, as the tool orders them by the random key id;
- `progress` events are dropped from the stream (how many arrive depends on timing); instead
  each step's `done` values are checked never to go down, and the golden keeps, per step, the
  last progress event (its `done`/`total`/`unit`), which is what the step ended at.
"""
import difflib
import json
import os
import re

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures", "golden")
UPDATE = "GOLDEN_UPDATE"

TIME_KEYS = re.compile(r"^(ts|time|timestamp|started|finished|.*_at|duration.*|elapsed.*|seconds)$")
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?")
FILE_TIME = re.compile(r"\d{8}T\d{6}Z?")
GPG_PUBKEY_RELEASE = re.compile(r"(gpg-pubkey-<SHORTID:\w+>)-[0-9a-f]{8}")
GPG_PUBKEY = re.compile(r"gpg-pubkey-<SHORTID:\w+>-<CREATED>( \([^()]*\))?")
GPG_PUBKEY_RUN = re.compile(r"{0}(; {0})+".format(GPG_PUBKEY.pattern))
MIRROR = re.compile(r"http://127\.0\.0\.1:\d+")
# the signed package files' sizes shift by a byte or so with every world build (signatures);
# installed sizes (payload) do not and are kept
PACKAGE_FILE_SIZES = ("download_size",)
VARYING = {"run_id": "<RUN_ID>", "hostname": "<HOST>"}


class Normaliser(object):
    """Replaces run-specific values; `paths` maps literal paths (longest first) to placeholders."""

    def __init__(self, paths, keys):
        self.paths = sorted(((str(p), name) for p, name in paths.items()), key=lambda pair: -len(pair[0]))
        self.keys = []
        for vendor, key in sorted(keys.items()):
            for label, token in (("FPR", key.fingerprint), ("KEYID", key.fingerprint[-16:]),
                                 ("SHORTID", key.fingerprint[-8:])):
                self.keys.append((token.upper(), "<%s:%s>" % (label, vendor)))
                self.keys.append((token.lower(), "<%s:%s>" % (label, vendor)))

    def text(self, value):
        for path, name in self.paths:
            value = value.replace(path, name)
        for token, name in self.keys:
            value = value.replace(token, name)
        value = GPG_PUBKEY_RELEASE.sub(r"\1-<CREATED>", value)
        value = GPG_PUBKEY_RUN.sub(lambda m: "; ".join(sorted(m.group(0).split("; "))), value)
        value = MIRROR.sub("<MIRROR>", value)
        value = ISO_TIME.sub("<TIME>", value)
        return FILE_TIME.sub("<TIME>", value)

    def value(self, value, key=None):
        if key is not None and TIME_KEYS.match(key) and value is not None:
            return "<TIME>"
        if key in PACKAGE_FILE_SIZES and value:
            return "<SIZE>"
        if key in VARYING and isinstance(value, str):
            return VARYING[key]
        if isinstance(value, dict):
            return dict((k, self.value(v, k)) for k, v in value.items())
        if isinstance(value, list):
            items = [self.value(v) for v in value]
            if items and all(isinstance(v, str) and GPG_PUBKEY.fullmatch(v) for v in items):
                return sorted(items)
            return items
        if isinstance(value, str):
            return self.text(value)
        return value

    def events(self, events):
        """The stream without progress events, plus each step's last progress; asserts that
        `done` never goes down within a step, as the contract says."""
        kept, last, seen = [], {}, {}
        for event in events:
            if event.get("event") != "progress":
                kept.append(self.value(event))
                continue
            step = event.get("step")
            assert event["done"] >= seen.get(step, 0), "progress went down in %s: %r" % (step, event)
            seen[step] = event["done"]
            last[step] = dict((k, event[k]) for k in ("done", "total", "unit") if k in event)
        return {"events": kept, "last_progress": last}


def check(name, document):
    """Compare document with tests/fixtures/golden/NAME.json; GOLDEN_UPDATE=1 rewrites it."""
    text = json.dumps(document, indent=2, sort_keys=True) + "\n"
    path = os.path.join(GOLDEN_DIR, name + ".json")
    if os.environ.get(UPDATE) == "1":
        os.makedirs(GOLDEN_DIR, exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return
    assert os.path.exists(path), "no golden %s; capture it with %s=1" % (path, UPDATE)
    with open(path, encoding="utf-8") as handle:
        expected = handle.read()
    if expected != text:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            "golden/" + name + ".json", "this run"))
        raise AssertionError("%s differs from its golden (%s=1 rewrites it):\n%s" % (name, UPDATE, diff))
