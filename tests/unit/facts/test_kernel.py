from migrate.facts.kernel import module_name


def test_module_file_names():
    assert module_name("nvidia-drm.ko.xz") == "nvidia_drm"
    assert module_name("zfs.ko") == "zfs"
    assert module_name("modules.dep") is None
