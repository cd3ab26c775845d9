"""Everything users and panels read: the report document, the text rendering, the events."""
