"""Credentials never leave the run in clear: a password in --proxy or --mirror
(`scheme://user:password@host`), a token in a URL's query (`?token=...`), and `password=` /
`username=` lines of dnf.conf and repo files are masked in the journal, status, report, events,
log and bundle. What `resume` needs is kept in a 0600 file in the state dir, removed when the
run ends (README, "Files").

Every mask is one linear pass: a log line may carry a 100 KB token, and a backtracking
pattern such as `\\w+://...` costs seconds per line on it."""
import json
import re

from migrate.layout import SECRETS_FILE
from migrate.options import SECRET

MASK = "***"
SCHEME_SEPARATOR = "://"
AUTHORITY_END = frozenset("/?# \t\r\n\"'<>")
# query parameters that carry credentials (S3 pre-signed URLs, CDN tokens, basic auth in query)
QUERY_SECRET = re.compile(
    r"([?&;](?:token|access_token|auth|auth_token|api_key|apikey|key|password|passwd|secret|sig|"
    r"signature|x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&;#\s\"'<>]+",
    re.IGNORECASE)
# dnf.conf and .repo lines (dnf.conf(5)): `proxy_password=`, `password=`, `username=`, ...
INI_SECRET = re.compile(
    r"^([ \t]*(?:proxy_)?(?:password|username)[ \t]*=[ \t]*)[^\n]+", re.IGNORECASE | re.MULTILINE)
# the same inside a JSON string or a one-line log message (dnf logs options as `key=value`)
INLINE_SECRET = re.compile(r"(\b(?:proxy_)?password[ \t]*[=:][ \t]*)[^\s,;\"'&]+", re.IGNORECASE)


def _mask_userinfo(text):
    """`scheme://user:password@host` -> `scheme://user:***@host`; `scheme://token@host` ->
    `scheme://***@host` (up to the last `@` of the authority). Each authority is scanned once
    and the next search starts where it ended."""
    out, position, length = [], 0, len(text)
    while True:
        found = text.find(SCHEME_SEPARATOR, position)
        if found < 0:
            break
        start = end = found + len(SCHEME_SEPARATOR)
        last_at = -1
        while end < length and text[end] not in AUTHORITY_END:
            if text[end] == "@":
                last_at = end
            end += 1
        out.append(text[position:start])
        if last_at > start:
            user, colon, _ = text[start:last_at].partition(":")
            out.append((user + ":" + MASK if colon else MASK) + text[last_at:end])
        else:
            out.append(text[start:end])
        position = end
    out.append(text[position:])
    return "".join(out)


def mask(text):
    """`text` with every credential replaced by ***."""
    if not text:
        return text
    text = _mask_userinfo(text)
    if "=" in text or ":" in text:
        text = QUERY_SECRET.sub(r"\1" + MASK, text)
        text = INI_SECRET.sub(r"\1" + MASK, text)
        text = INLINE_SECRET.sub(r"\1" + MASK, text)
    return text


def mask_value(value):
    """A copy of a JSON-like value (the journal, a report, an event) with every string masked."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return dict((key, mask_value(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [mask_value(item) for item in value]
    return value


def secret_options(options):
    """{option: value} of the run's options that mask() would change: what `resume` needs."""
    return dict((name, getattr(options, name)) for name in SECRET
                if getattr(options, name) and mask(getattr(options, name)) != getattr(options, name))


def save_secrets(root, options):
    """Keep the credentials of a starting conversion for `resume`, root-only; none: no file."""
    secrets = secret_options(options)
    if secrets:
        root.write_text(SECRETS_FILE, json.dumps(secrets, sort_keys=True) + "\n", mode=0o600)
    else:
        root.remove(SECRETS_FILE)


def load_secrets(root):
    """What save_secrets kept, {} when nothing (or nothing readable) is there."""
    try:
        data = json.loads(root.read_text(SECRETS_FILE, default="{}"))
    except ValueError:
        return {}
    return dict((k, v) for k, v in data.items() if k in SECRET and isinstance(v, str)) \
        if isinstance(data, dict) else {}


def remove_secrets(root):
    root.remove(SECRETS_FILE)
