"""Which distribution and version the root is, and which AlmaLinux it becomes: pure functions
over facts, profiles and options."""
import os
from typing import NamedTuple, Optional, Tuple

from migrate.facts.osrelease import parse_release_file_version


class Source(NamedTuple):
    profile: object  # source Profile (already for_major) or None when not recognised
    os_id: str
    name: str
    version: str
    major: Optional[int]
    arch: str
    release_packages: Tuple[str, ...] = ()

    def as_report(self):
        return {
            "id": self.os_id or None,
            "name": self.name or None,
            "profile": self.profile.id if self.profile else None,
            "version": self.version or None,
            "major": self.major,
            "arch": self.arch or None,
            "release_packages": list(self.release_packages),
        }


class Target(NamedTuple):
    profile: object  # target Profile or None
    version: str  # "9" (latest minor) or "9.4"
    major: Optional[int]
    mirror: str  # base URL laid out like repo.almalinux.org/almalinux

    def repo_url(self, repo_path, arch):
        return "%s/%s/%s/%s/os/" % (self.mirror.rstrip("/"), self.version, repo_path, arch)

    @property
    def key_url(self):
        return "%s/%s" % (self.mirror.rstrip("/"), self.profile.key_file)

    def as_report(self):
        return {
            "id": self.profile.os_release_id if self.profile else "almalinux",
            "name": self.profile.name if self.profile else "AlmaLinux",
            "version": self.version or None,
            "major": self.major,
            "mirror": self.mirror or None,
        }


def _major(version):
    head = (version or "").split(".")[0]
    return int(head) if head.isdigit() else None


def match_profile(facts, profiles):
    """The source profile whose os-release ID and NAME rules fit; None for an unknown system."""
    osr = facts.os_release
    for profile in profiles.sources:
        if profile.os_release_id != osr.os_id:
            continue
        if profile.name_prefix and not osr.name.startswith(profile.name_prefix):
            continue
        if profile.name_excludes and profile.name_excludes in osr.name:
            continue
        return profile
    return None


def identify_source(facts, profiles):
    profile = match_profile(facts, profiles)
    version = facts.os_release.version_id
    if profile is not None and profile.version_source == "redhat-release":
        version = parse_release_file_version(facts.redhat_release) or version
    major = _major(version)
    if profile is not None and major is not None:
        profile = profile.for_major(major)
    name = facts.os_release.name or (profile.name if profile else "")
    return Source(profile, facts.os_release.os_id, name, version, major, facts.arch,
                  facts.release_packages)


def choose_target(source, profiles, options):
    """Same major as the source; --target may name the major or an older minor of it."""
    version = options.target or (str(source.major) if source.major else "")
    major = _major(version)
    profile = profiles.target_for(major) if major is not None else None
    mirror = options.mirror or (profile.official_url if profile else "")
    return Target(profile, version, major, mirror)


def source_repo_ids(facts, profile):
    """Ids of the enabled repos in the files that hold the source's own repos (its repo_map)."""
    own = set(s.file for s in facts.repos if s.repo_id in profile.repo_map_for(facts.arch))
    return sorted(set(s.repo_id for s in facts.repos if s.enabled and s.file in own))


def third_party_sections(facts, profile):
    """(file, repo id) of every enabled repo in a file that holds none of the source's repos
    and is not AlmaLinux's."""
    own = set(s.file for s in facts.repos if s.repo_id in profile.repo_map_for(facts.arch))
    return sorted(set((s.file, s.repo_id) for s in facts.repos
                      if s.enabled and s.file not in own
                      and not os.path.basename(s.file).startswith("almalinux")))
