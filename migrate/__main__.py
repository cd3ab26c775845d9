"""Allow `python3 -m migrate`."""
from migrate.launch import main

if __name__ == "__main__":
    main()
