"""Allow `python3 -m migrate`."""
from migrate.cli import main

if __name__ == "__main__":
    main()
