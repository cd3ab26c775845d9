"""The benchmark: the tool's conversion against the bare rpm/dnf sequence (`make bench`)."""
