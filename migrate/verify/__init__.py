"""Checks over a converted host: what is still from other vendors, and whether it is AlmaLinux."""
