"""The raw command line read before click: both spellings of an option's value."""
from migrate.argv import option_value, wants_json


def test_option_value_in_both_spellings_or_none():
    argv = ["--root", "/mnt/image", "--output=json", "preflight", "--root"]
    assert option_value(argv, "--root") == "/mnt/image"  # the first; a trailing bare one has none
    assert option_value(argv, "--output") == "json"
    assert option_value(argv, "--config") is None
    assert wants_json(argv) and not wants_json(["--output", "text", "status"])
