"""The live machine's boot path, read once into `Facts.boot`: firmware kind, Secure Boot,
container, the ESP and its members, the disks under /boot, the UEFI entries and the default
entry. The preflight checks, the boot plan, the boot steps and `verify --boot` all read this
one record, so they cannot disagree about the machine.

model.py (records), parse.py (tool output -> records), layout.py (lsblk rows -> ESP members and
boot disks), container.py (the one container verdict), loaders.py (boot loaders installed in the
root, read under --root too), collect.py (runs the tools through the Runner)."""
