"""tomllib is stdlib from 3.11; tomli 1.2.3 is the last release that runs on 3.6."""
try:
    import tomllib as _toml  # novermin (guarded: tomli below on < 3.11)
except ImportError:  # Python < 3.11
    import tomli as _toml

TOMLDecodeError = _toml.TOMLDecodeError


def loads(text):
    return _toml.loads(text)
