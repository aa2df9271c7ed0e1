"""The configuration the e2e harness writes (no process is started here)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .harness import (
    E2E_REQUIRED_ENV,
    INTEGRATION,
    configuration,
    prepare_config_dir,
    require_module,
)


def test_extra_yaml_is_merged_and_cannot_move_the_http_server() -> None:
    config = configuration(
        8300,
        "logger:\n  logs:\n    homeassistant.components.mpd: debug\n"
        "http:\n  server_host: 0.0.0.0\n  server_port: 80\n  use_x_frame_options: false\n"
        "media_player:\n  - platform: mpd\n    host: 127.0.0.1\n",
    )

    assert config["http"] == {
        "server_host": "127.0.0.1",
        "server_port": 8300,
        "use_x_frame_options": False,
    }
    assert config["logger"]["logs"] == {
        "custom_components.tomatoes": "debug",
        "homeassistant.components.mpd": "debug",
    }
    assert config["homeassistant"]["internal_url"] == "http://127.0.0.1:8300"
    assert config["media_player"] == [{"platform": "mpd", "host": "127.0.0.1"}]


def test_extra_yaml_must_be_a_mapping() -> None:
    with pytest.raises(TypeError, match="mapping"):
        configuration(8300, "- just\n- a list\n")


def test_config_folder_links_the_integration(tmp_path: Path) -> None:
    prepare_config_dir(tmp_path, 8301, "demo:\n")
    prepare_config_dir(tmp_path, 8301, "demo:\n")  # again: the link stays

    written = yaml.safe_load((tmp_path / "configuration.yaml").read_text())
    assert written["http"]["server_port"] == 8301
    assert "demo" in written
    link = tmp_path / "custom_components" / "tomatoes"
    assert link.is_symlink()
    assert link.resolve() == INTEGRATION


def test_a_missing_client_library_skips_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(E2E_REQUIRED_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="python-mpd2 is not installed"):
        require_module("tomatoes_e2e_no_such_module", "python-mpd2")


def test_a_missing_client_library_fails_the_test_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(E2E_REQUIRED_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match="TOMATOES_E2E=1 requires it"):
        require_module("tomatoes_e2e_no_such_module", "python-mpd2")


def test_an_installed_client_library_is_imported() -> None:
    assert require_module("yaml", "PyYAML") is yaml
