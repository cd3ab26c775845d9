"""The only module that starts processes: argv lists, never a shell, everything logged."""
import logging
import subprocess

from migrate.errors import CommandFailed

log = logging.getLogger(__name__)


TIMED_OUT = 124  # timeout(1)'s exit code for a command it had to stop


def _text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value or ""


class Result(object):
    def __init__(self, argv, returncode, stdout, stderr):
        self.argv = argv
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr


class Runner(object):
    def __init__(self, env=None):
        self.env = env

    def run(self, argv, check=True, stdin_text=None, env=None, timeout=None):
        """timeout: seconds; a command still running then is killed and gets exit code 124,
        as timeout(1) reports it."""
        argv = [str(a) for a in argv]
        log.debug("run: %s", " ".join(argv))
        try:
            proc = subprocess.run(
                argv,
                input=stdin_text,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env if env is not None else self.env,
                universal_newlines=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as exc:
            log.debug("%s timed out after %ss", argv[0], timeout)
            result = Result(argv, TIMED_OUT, _text(exc.stdout), _text(exc.stderr) or
                            "timed out after %s seconds" % timeout)
        except OSError as exc:  # missing binary: same shape as a failure
            log.debug("could not start %s: %s", argv[0], exc)
            result = Result(argv, 127, "", str(exc))
        else:
            result = Result(argv, proc.returncode, proc.stdout, proc.stderr)
        log.debug("rc=%d\nstdout:\n%s\nstderr:\n%s", result.returncode, result.stdout, result.stderr)
        if check and result.returncode != 0:
            raise CommandFailed(argv, result.returncode, result.stdout, result.stderr)
        return result
