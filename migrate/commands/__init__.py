"""One module per subcommand; each returns (report document, exit code) and prints nothing."""
