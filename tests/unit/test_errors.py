"""The error classes carry the contract's exit codes (docs/cli.md, "Exit codes")."""
from migrate import errors


def test_each_error_carries_its_contract_exit_code():
    codes = dict((cls.__name__, cls("x").exit_code) for cls in (
        errors.MigrateError, errors.UsageError, errors.ConfigError, errors.Blocked, errors.RolledBack,
        errors.FailedAfterPointOfNoReturn, errors.RollbackIncomplete, errors.Locked, errors.ProfileError))
    assert codes == {"MigrateError": 1, "UsageError": 2, "ConfigError": 2, "Blocked": 3, "RolledBack": 4,
                     "FailedAfterPointOfNoReturn": 5, "RollbackIncomplete": 6, "Locked": 7, "ProfileError": 1}


def test_an_error_keeps_its_message_and_the_report_built_so_far():
    report = {"status": "blocked"}
    error = errors.Blocked("2 blockers", report)
    assert (str(error), error.message, error.report) == ("2 blockers", "2 blockers", report)
    assert errors.MigrateError("x").report is None


def test_command_failed_names_the_program_and_the_last_five_lines_of_stderr():
    stderr = "\n".join("line %d" % n for n in range(1, 8)) + "\n"
    error = errors.CommandFailed(["rpm", "--import", "/k.asc"], 1, "ignored stdout", stderr)
    assert error.message == "rpm exited with 1: line 3\nline 4\nline 5\nline 6\nline 7"
    assert (error.argv, error.returncode, error.stdout, error.stderr) == (
        ["rpm", "--import", "/k.asc"], 1, "ignored stdout", stderr)
    assert error.exit_code == errors.EXIT_BUG


def test_command_failed_falls_back_to_stdout_then_to_nothing():
    assert errors.CommandFailed(("dnf",), 3, "no match\n", "").message == "dnf exited with 3: no match"
    assert errors.CommandFailed(("true",), 2, "", None).message == "true exited with 2"


def test_step_failed_prefixes_the_step_id():
    error = errors.StepFailed("DISTRO_SYNC", "rpm said no")
    assert (error.message, error.step_id, error.exit_code) == ("DISTRO_SYNC: rpm said no", "DISTRO_SYNC", 1)
