"""Everything that reaches the network: the settings (mirror URL, proxy, CA bundle) and the
probes assess sends before it decides (the mirror's key, each target repo's repomd.xml, the
source's own repos for pending updates). dnf's own downloads take the same settings."""
