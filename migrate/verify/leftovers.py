"""Packages still signed by somebody other than AlmaLinux after a conversion, with why."""
from migrate.plan.model import (LEFT_EXCLUDED, LEFT_FALLBACK_KERNEL, LEFT_KEPT, classify_leftover,
                                leftover_entry)


def find_leftovers(packages, trusted_keyids, source_vendors, kept=(), fallback_kernels=(), excluded=()):
    """fallback_kernels: kernel package names; the old vendor's builds of them stay installed
    on purpose (boot/kernel.py keeps them as the fallback entry) and are named so."""
    left = []
    for package in packages:
        if package.keyid in trusted_keyids:
            continue
        reason = classify_leftover(package, source_vendors, kept)
        if package.name in fallback_kernels and reason != LEFT_KEPT:
            reason = LEFT_FALLBACK_KERNEL
        if package.name in excluded:  # --exclude or a versionlock entry kept it out of the sync
            reason = LEFT_EXCLUDED
        left.append(leftover_entry(package, reason))
    return left
