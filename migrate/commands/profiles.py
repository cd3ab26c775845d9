"""profiles: what can be converted, and to what."""


def run(ctx):
    sources = [{"id": p.id, "name": p.name, "os_release_id": p.os_release_id, "majors": p.majors,
                "is_target": p.is_target} for p in ctx.profiles.sources]
    targets = [{"id": p.id, "name": p.name, "major": p.major, "architectures": p.architectures,
                "fingerprints": p.fingerprints}
               for _, p in sorted(ctx.profiles.targets.items())]
    return {"sources": sources, "targets": targets}
