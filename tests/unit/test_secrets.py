"""Credentials are masked in one linear pass; resume's copy is a 0600 file."""
import logging
import os
import stat

from migrate.config import Options
from migrate.journal import JOURNAL, Journal
from migrate.logsetup import MaskingFormatter
from migrate.report.events import Events
from migrate.root import Root
from migrate.secrets import SECRETS_FILE, load_secrets, mask, mask_value, save_secrets


def test_userinfo_in_urls_is_masked_and_the_rest_kept():
    assert mask("http://bob:s3cr3t@proxy:3128") == "http://bob:***@proxy:3128"
    assert mask("https://TOKEN@mirror.example/almalinux") == "https://***@mirror.example/almalinux"
    assert mask("a http://u:p@ss@h/x and http://plain/y") == "a http://u:***@h/x and http://plain/y"
    assert mask("see https://mirror.example/9/BaseOS/ for x@y") == "see https://mirror.example/9/BaseOS/ for x@y"


def test_tokens_in_queries_and_credential_lines_are_masked():
    assert mask("baseurl=https://h/el9/?token=abc&arch=x86_64") == "baseurl=https://h/el9/?token=***&arch=x86_64"
    assert mask("[main]\nproxy_password = hunter2\nproxy_username=me\nusername=c\npassword=p\ngpgcheck=1\n") == \
        "[main]\nproxy_password = ***\nproxy_username=***\nusername=***\npassword=***\ngpgcheck=1\n"
    assert mask("dnf: proxy_password=hunter2, retries=3") == "dnf: proxy_password=***, retries=3"


def test_mask_is_linear_on_a_megabyte_token():
    """A backtracking pattern took seconds per 100 KB line; this one is one pass."""
    token = "a" * (1 << 20)
    for text in ("https://" + token, token + "://", "?token=" + token, "password=" + token, "x" * 10 + token):
        masked = mask(text)
        assert len(masked) <= len(text)
    assert mask("https://u:" + token + "@h/") == "https://u:***@h/"


def test_mask_value_masks_every_string_of_a_document():
    doc = {"options": {"proxy": "http://u:pw@p:1", "allow": ["X"]}, "n": 3, "steps": [{"detail": "https://t@h/"}]}
    assert mask_value(doc) == {"options": {"proxy": "http://u:***@p:1", "allow": ["X"]}, "n": 3,
                               "steps": [{"detail": "https://***@h/"}]}


def test_the_journal_holds_credentials_masked_and_the_secrets_file_is_0600(tmp_path):
    root = Root(str(tmp_path))
    options = Options(mirror="https://u:mirrorpw@m.example/almalinux", proxy="http://p:proxypw@proxy:3128")
    save_secrets(root, options)
    path = root.join(SECRETS_FILE)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_secrets(root) == {"mirror": options.mirror, "proxy": options.proxy}
    journal = Journal.start(root, "run", options.as_journal(), {}, {"mirror": options.mirror}, ["A"])
    text = root.read_text(JOURNAL)
    assert "mirrorpw" not in text and "proxypw" not in text and "u:***@m.example" in text
    journal.finish("failed")  # resumable: kept
    assert load_secrets(root)
    journal.finish("done")
    assert not os.path.lexists(path) and load_secrets(root) == {}


def test_no_credentials_no_secrets_file(tmp_path):
    root = Root(str(tmp_path))
    save_secrets(root, Options(mirror="https://m.example/almalinux"))
    assert not root.exists(SECRETS_FILE)


def test_events_and_log_lines_are_masked(tmp_path):
    events = Events(str(tmp_path / "events"))
    events.emit("finding", detail="cannot reach https://u:evpw@m.example/")
    events.close()
    assert "evpw" not in (tmp_path / "events").read_text()
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "proxy %s", ("http://u:logpw@p:1",), None)
    assert MaskingFormatter("%(message)s").format(record) == "proxy http://u:***@p:1"
