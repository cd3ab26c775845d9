"""`python -m tests.bench` (`make bench`): see tests/bench/run.py."""
import sys

from tests.bench.run import main

if __name__ == "__main__":
    sys.exit(main())
