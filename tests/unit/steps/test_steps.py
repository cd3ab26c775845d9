"""migrate/steps/__init__.py: the phases name every step once, in run order, and only the
first phase is reversible (the engine's crossing of the point of no return: test_engine.py)."""
import importlib
import inspect
import pkgutil

import migrate
from migrate.steps import BOOT, CONVERT, PREPARE, conversion_phases, conversion_steps
from migrate.steps.base import Step
from migrate.steps.engine import split_at_point_of_no_return


def _step_classes():
    """Every Step class with an ID defined anywhere in migrate/."""
    found = set()
    for info in pkgutil.walk_packages(migrate.__path__, "migrate."):
        module = importlib.import_module(info.name)
        found.update(cls for _, cls in inspect.getmembers(module, inspect.isclass)
                     if issubclass(cls, Step) and cls.__module__ == module.__name__ and cls.id)
    return found


def test_every_step_is_in_exactly_one_phase():
    classes = [type(step) for phase in conversion_phases() for step in phase.steps]
    assert len(classes) == len(set(classes))
    assert set(classes) == _step_classes()
    assert [s.id for s in conversion_steps()] == [type(s).id for s in conversion_steps()]


def test_only_prepare_is_reversible_and_it_comes_first():
    phases = conversion_phases()
    assert [(p.name, p.reversible) for p in phases] == [
        ("prepare", True), ("convert", False), ("boot", False), ("finish", False)]
    early, late = split_at_point_of_no_return(phases)
    assert [type(s) for s in early] == list(PREPARE)
    assert [type(s) for s in late[:len(CONVERT)]] == list(CONVERT)


def test_the_boot_phase_follows_distro_sync():
    boot = ["SET_DEFAULT_KERNEL", "REGENERATE_BOOT_CONFIG", "INSTALL_BOOTLOADER", "UPDATE_EFI_ENTRIES",
            "VERIFY_BOOT_ENTRY"]
    assert [cls.id for cls in BOOT] == boot
    ids = [s.id for s in conversion_steps()]
    assert ids.index("DISTRO_SYNC") < ids.index(boot[0])  # the kernel and boot packages are AlmaLinux's by then
