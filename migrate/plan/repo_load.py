"""Why dnf cannot load a target repo's metadata, in words a person and a panel can act on
(a checksum mismatch, a timeout, HTTP 404 or 5xx; the plain GET's reasons are
migrate.network.repomd's). A repo that cannot be loaded is never silently left out
(design.md §5): TARGET_REPOS_MISSING reports each with its reason."""
import logging

from migrate.interrupts import library_interruption
from migrate.network.repomd import TIMEOUT

log = logging.getLogger(__name__)

CHECKSUM = "checksum mismatch"


def describe_librepo_error(text, details=()):
    """librepo's message (dnf.exceptions.RepoError) as a short reason. `details`: what dnf
    logged while loading; the final message drops the cause ("all mirrors were tried"), the
    per-attempt lines keep it ("checksum doesn't match", "Timeout was reached")."""
    everything = " ".join([text] + list(details)).lower()
    if "checksum" in everything:
        kind = CHECKSUM
    elif "timeout" in everything or "timed out" in everything or "too slow" in everything:
        kind = TIMEOUT
    elif "status code: 404" in everything:
        kind = "HTTP 404"
    elif "status code: 5" in everything:
        kind = "HTTP 5xx"
    else:
        kind = "cannot load"
    cause = [" ".join(d.split()) for d in details if d.strip().startswith("error:")]
    return "%s: %s%s" % (kind, " ".join(text.split()), (" (%s)" % cause[-1]) if cause else "")


class _Collect(logging.Handler):
    def __init__(self):
        super(_Collect, self).__init__(logging.DEBUG)
        self.messages = []

    def emit(self, record):
        try:
            self.messages.append(record.getMessage())
        except Exception:  # a message that cannot be formatted is no cause worth naming
            pass


def load_metadata(repo):
    """Load one dnf repo's metadata now; None when it loaded, else why not (checksums are
    librepo's to check: a repomd.xml that loads can still point at a damaged primary.xml)."""
    import dnf.exceptions

    collect = _Collect()
    dnf_log = logging.getLogger("dnf")
    dnf_log.addHandler(collect)
    try:
        repo.load()
    except dnf.exceptions.RepoError as exc:
        interrupted = library_interruption(str(exc))
        if interrupted:  # librepo's own handler caught our signal: a stop, not a missing repo
            raise interrupted
        return describe_librepo_error(str(exc), collect.messages)
    finally:
        dnf_log.removeHandler(collect)
    return None


def missing_repo(repo_id, url, reason):
    log.warning("target repository %s (%s) cannot be loaded: %s", repo_id, url, reason)
    return {"id": repo_id, "url": url, "missing": True, "error": reason}
