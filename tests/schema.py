"""Validate every report document a test sees against schemas/report-1.json."""
import json
import os

import jsonschema

SCHEMA_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schemas", "report-1.json")

with open(SCHEMA_PATH) as _handle:
    REPORT_SCHEMA = json.load(_handle)


def assert_valid_report(document):
    jsonschema.validate(document, REPORT_SCHEMA)
    return document
