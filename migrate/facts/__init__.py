"""Facts: everything read from the host, once, into plain records; checks read only these."""
