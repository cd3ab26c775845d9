from migrate.facts.rhsm import collect_registration, parse_rhsm_server
from migrate.root import Root
from tests.factories import output_text
from tests.kit import write


def test_rhsm_registration(tmp_path):
    assert parse_rhsm_server(output_text("rhsm.conf.satellite.txt")) == "satellite.example.com"
    assert collect_registration(Root(str(tmp_path))) is None
    write(Root(str(tmp_path)), "/etc/rhsm/rhsm.conf", output_text("rhsm.conf.satellite.txt"))
    write(Root(str(tmp_path)), "/etc/pki/consumer/cert.pem", "-----BEGIN CERTIFICATE-----\n")
    assert collect_registration(Root(str(tmp_path))) == (True, "satellite.example.com")
