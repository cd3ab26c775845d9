"""stdout and stderr that never stop the run: a reader that went away (`status | head`) or a
terminal that died (an SSH session dropping) makes writes fail quietly; the exit code and the
conversion are unchanged. After the first failure the stream's descriptor points at /dev/null,
so that nothing (the interpreter's last flush included) trips over it again."""
import errno
import os

GONE = (errno.EPIPE, errno.EIO, errno.ENXIO, errno.ECONNRESET)


class QuietStream(object):
    def __init__(self, stream):
        self._stream = stream
        self.gone = False

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def _call(self, method, *args):
        if self.gone:
            return None
        try:
            return getattr(self._stream, method)(*args)
        except (IOError, OSError) as exc:
            if exc.errno not in GONE:
                raise
            self._drop()
            return None

    def _drop(self):
        self.gone = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (IOError, OSError, ValueError):
            pass

    def write(self, text):
        return self._call("write", text)

    def writelines(self, lines):
        return self._call("writelines", lines)

    def flush(self):
        return self._call("flush")

    def isatty(self):
        try:
            return not self.gone and self._stream.isatty()
        except (IOError, OSError, ValueError):
            return False
