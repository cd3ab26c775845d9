"""Packages still signed by somebody other than AlmaLinux after a conversion, with why."""
from migrate.plan.model import classify_leftover, leftover_entry


def find_leftovers(packages, trusted_keyids, source_vendors, kept=()):
    left = []
    for package in packages:
        if package.keyid in trusted_keyids:
            continue
        left.append(leftover_entry(package, classify_leftover(package, source_vendors, kept)))
    return left
