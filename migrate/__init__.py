"""almalinux-migrate: convert an EL host in place to AlmaLinux of the same major version."""

__version__ = "0.1.0"
