"""One shim per Python-version difference, so the rest of the code reads as plain 3.6."""
