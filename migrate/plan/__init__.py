"""The plan: the whole conversion resolved against the target repos before anything changes."""
