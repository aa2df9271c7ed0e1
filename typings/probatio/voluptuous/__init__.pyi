# Type view of `voluptuous` on Home Assistant 2026.9 and newer, where core installs
# probatio under the name `voluptuous` at runtime while a real voluptuous package may
# still sit in site-packages. scripts/test puts this folder on MYPYPATH only where
# probatio is installed, so mypy sees the same classes as Home Assistant's signatures.
from probatio import *  # noqa: F403
