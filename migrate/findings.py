"""A finding: what a check or a command tells the admin, with an ID stable across versions.

A dict with fixed keys so the report (schemas/report-1.json) serialises it unchanged; build it
only through Finding(...), which fills every key and refuses an unknown severity."""

INFO, WARNING, BLOCKER = "info", "warning", "blocker"
SEVERITIES = (INFO, WARNING, BLOCKER)


class Finding(dict):
    __slots__ = ()

    def __init__(self, id, severity, title, detail, remediation, overridable=False, overridden=False,
                 data=None):
        if severity not in SEVERITIES:
            raise ValueError("finding %s: severity %r is not one of %s" % (id, severity, SEVERITIES))
        super(Finding, self).__init__(id=id, severity=severity, title=title, detail=detail,
                                      remediation=remediation, overridable=overridable,
                                      overridden=overridden)
        if data:  # machine-readable extras; the key is absent when there are none
            self["data"] = data

    id = property(lambda self: self["id"])
    severity = property(lambda self: self["severity"])
    title = property(lambda self: self["title"])
    detail = property(lambda self: self["detail"])
    remediation = property(lambda self: self["remediation"])
    overridden = property(lambda self: self["overridden"])
    data = property(lambda self: self.get("data"))

    @property
    def blocking(self):
        return self["severity"] == BLOCKER and not self["overridden"]

    def as_report(self):
        """The report's finding object (a plain dict, as written to JSON)."""
        return dict(self)
