"""What the raw command line asks for, read before (or without) click: for the error document
of a line click refused or of a run stopped while the modules loaded (migrate.launch)."""


def option_value(argv, option):
    """The value of `--option VALUE` or `--option=VALUE` in argv, or None."""
    for index, arg in enumerate(argv):
        if arg.startswith(option + "="):
            return arg.partition("=")[2]
        if arg == option and index + 1 < len(argv):
            return argv[index + 1]
    return None


def wants_json(argv):
    return option_value(argv, "--output") == "json"
