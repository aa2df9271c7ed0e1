"""Keep the development instance's HTTP server on 127.0.0.1 and the chosen port.

Usage: pin_http.py CONFIG_DIR PORT [-- HASS_ARGUMENTS...]
(run with the Python of the Home Assistant to start). With ``--``, Home Assistant then runs
in this same process with the arguments that follow, as ``hass`` would: the modules this
script imported are its own, so a start does not pay for a second interpreter and for them
twice. The exit code is Home Assistant's (100 asks for a restart).

From 2026.10 Home Assistant keeps its HTTP settings in its storage, and an `http:` block in
configuration.yaml is only imported as a trial (reverted after five minutes unless a person
confirms it) and then reported as ignored, a repair issue. So the development instance's
configuration.yaml has no `http:` block: before every start this writes 127.0.0.1 and PORT
as the stored ("stable") settings, through Home Assistant's own schema, and drops a pending
trial, so the instance never listens beyond 127.0.0.1 and the port follows
TOMATOES_DEV_PORT. Older versions have no such storage and would listen on every interface
without the YAML: the script refuses them (scripts/develop runs the newest, in .venv).
"""

from __future__ import annotations

import json
from pathlib import Path
import sys

STORAGE_FILE = "http"
"""The storage key of the HTTP settings (``http_config.STORAGE_KEY``)."""


def pinned(path: Path, port: int) -> bool:
    """Tell whether the stored settings already are 127.0.0.1 and port, with no trial pending.

    Read as plain JSON, so that a later start does not import Home Assistant's HTTP package
    (seconds of a start) just to find nothing to change.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["data"]
        stable = data["stable"]
    except OSError, ValueError, KeyError, TypeError:
        return False
    return (
        stable.get("server_host") == ["127.0.0.1"]
        and stable.get("server_port") == port
        and data.get("pending") is None
    )


def main(config_dir: Path, port: int) -> None:
    """Write the stable HTTP settings into the config folder's storage."""
    if pinned(config_dir / ".storage" / STORAGE_FILE, port):
        return
    from homeassistant.util import dt as dt_util  # noqa: PLC0415

    try:
        from homeassistant.components.http import config as http_config  # noqa: PLC0415
    except ImportError:  # before 2026.10: only configuration.yaml could pin the server
        sys.exit("pin_http.py: this Home Assistant predates stored HTTP settings (2026.10)")
    path = config_dir / ".storage" / http_config.STORAGE_KEY
    stored = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    data = stored.get("data") or {}
    settings = {
        key: value
        for key, value in (data.get("stable") or {}).items()
        if key not in {"created_at", "error", "error_message"}
    }
    settings.update(server_host=["127.0.0.1"], server_port=port)
    stable = {
        **http_config.HTTP_STORAGE_SCHEMA(settings),
        "created_at": dt_util.utcnow().isoformat(),
        "error": None,
        "error_message": None,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "version": http_config.STORAGE_VERSION,
        "minor_version": http_config.STORAGE_MINOR_VERSION,
        "key": http_config.STORAGE_KEY,
        "data": {
            "stable": stable,
            "pending": None,
            "yaml_migration_done": data.get("yaml_migration_done", False),
        },
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def run_home_assistant(arguments: list[str]) -> int:
    """Run Home Assistant in this process with hass's command-line arguments."""
    from homeassistant.__main__ import main as hass_main  # noqa: PLC0415

    sys.argv = [str(Path(sys.executable).with_name("hass")), *arguments]
    return hass_main()


if __name__ == "__main__":
    config, port, *rest = sys.argv[1:]
    main(Path(config), int(port))
    if rest[:1] == ["--"]:
        sys.exit(run_home_assistant(rest[1:]))
