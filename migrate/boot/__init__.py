"""The boot path: after the transaction, an AlmaLinux kernel is the default, the boot loader's
config is regenerated from AlmaLinux's own grub2/zipl, UEFI entries point at AlmaLinux's shim,
and every file the default entry names exists. Unbootable-after-conversion is the most common
and most costly failure of every peer (the issues of github.com/AlmaLinux/almalinux-deploy).

model.py (records), parse.py (tool output -> records), collect.py (runs the tools), plan.py
(pure decisions: which kernel, which ESP members, which efibootmgr calls), and one module per
step. Live machine only: under --root and in containers every step is skipped with a note."""
