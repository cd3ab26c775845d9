"""The run's data, apart from the services that act on it (migrate.context): what the host is,
where it goes, which keys are trusted and the plan. `assess` builds it from the host; `resume`
and `rollback` load it from the journal (migrate.commands.execute.restore_context); steps name the
fields they read (Step.needs) and the engine refuses to start one whose fields are unset."""
from migrate.trust import keyids

FIELDS = (
    "facts",  # migrate.facts.model.Facts, read once
    "source",  # migrate.source.Source
    "target",  # migrate.source.Target
    "trusted_keys",  # migrate.trust.TrustedKey records a conversion may use now
    "known_keys",  # every trusted key seen, expired ones too: they prove origin
    "key_text",  # the trusted keys re-armored (never the file as served)
    "plan",  # the what-if (migrate.plan.model), as journaled
    "excluded",  # {name: reason} kept out of the sync (migrate.plan.excludes)
)


class Run(object):
    """Unset fields are None; a field that is not one of FIELDS is an AttributeError."""

    __slots__ = FIELDS

    def __init__(self, **fields):
        for name in FIELDS:
            setattr(self, name, fields.pop(name, None))
        if fields:
            raise TypeError("Run has no field %s" % ", ".join(sorted(fields)))

    def missing(self, names):
        """The fields of `names` this run has not set."""
        return [name for name in names if getattr(self, name) is None]

    @property
    def trusted_keyids(self):
        """Key IDs that prove an installed package is AlmaLinux's (expired keys included)."""
        return keyids(tuple(self.known_keys or ()) + tuple(self.trusted_keys or ()))


def with_run_fields(cls):
    """Give a context class `ctx.<field>` for every Run field, read from and written to ctx.run,
    so code that reads ctx.plan keeps working while the data lives in one record."""
    def field(name):
        return property(lambda self: getattr(self.run, name),
                        lambda self, value: setattr(self.run, name, value))
    for name in FIELDS + ("trusted_keyids",):
        setattr(cls, name, field(name) if name in FIELDS else property(lambda self: self.run.trusted_keyids))
    return cls
