"""The conversion's one rpm transaction: run with a callback linear in its elements."""
