"""Allow `python3 -m migrate`."""
import sys

try:
    from migrate.cli import main
except KeyboardInterrupt:  # Ctrl-C while the modules load, before our handlers exist: no 130
    sys.stderr.write("almalinux-migrate: stopped by SIGINT; nothing was changed\n")
    sys.exit(4)

if __name__ == "__main__":
    main()
