from migrate.steps.login_banner import banner_text


def test_banner_names_the_state_and_the_commands():
    text = banner_text("9.4")
    assert "AlmaLinux 9.4" in text and "UNFINISHED or FAILED" in text
    assert "almalinux-migrate resume" in text and "almalinux-migrate status" in text
