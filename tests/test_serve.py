"""Tests for peer_support.server.serve: the Voilà command line and the address it prints."""

import ipaddress
import json
import sys
from urllib.parse import parse_qs, urlsplit

import pytest

from peer_support.server import serve
from peer_support.server.serve import START_PAGE, start_url, voila_command


def no_lan_lookup() -> str:
    raise AssertionError("a local address should not look up the network address")


def test_voila_command_runs_voila_with_host_and_port() -> None:
    command = voila_command("127.0.0.1", 9000, None)
    assert command[:3] == [sys.executable, "-m", "peer_support.server.app"]
    assert "--Voila.ip=127.0.0.1" in command
    assert "--port=9000" in command
    assert "--no-browser" in command


def test_voila_command_without_token_has_no_token() -> None:
    command = voila_command("127.0.0.1", 8866, None)
    assert not any(part.startswith("--token") for part in command)


def test_voila_command_empty_token_has_no_token() -> None:
    command = voila_command("127.0.0.1", 8866, "")
    assert not any(part.startswith("--token") for part in command)


def test_voila_command_adds_token_when_given() -> None:
    command = voila_command("0.0.0.0", 8866, "s3cret")
    assert [part for part in command if part.startswith("--token")] == ["--token=s3cret"]


def test_start_url_all_interfaces_uses_lan_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "lan_address", lambda: "192.0.2.7")
    url = urlsplit(start_url("0.0.0.0", 8866, "abc123"))
    assert url.netloc == "192.0.2.7:8866"
    assert url.path == f"/{START_PAGE}"


def test_start_url_with_token_adds_token_query(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "lan_address", lambda: "192.0.2.7")
    url = urlsplit(start_url("0.0.0.0", 8866, "abc123"))
    assert parse_qs(url.query) == {"token": ["abc123"]}


def test_start_url_local_without_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "lan_address", no_lan_lookup)
    assert start_url("127.0.0.1", 8866, None) == f"http://127.0.0.1:8866/{START_PAGE}"


def test_start_url_localhost_keeps_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "lan_address", no_lan_lookup)
    assert urlsplit(start_url("localhost", 9000, None)).netloc == "localhost:9000"


def test_start_url_ipv6_loopback_is_bracketed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "lan_address", no_lan_lookup)
    assert urlsplit(start_url("::1", 8866, None)).netloc == "[::1]:8866"


def test_start_url_ipv6_lan_address_is_bracketed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "lan_address", lambda: "2001:db8::5")
    url = urlsplit(start_url("::", 8866, "tok"))
    assert url.hostname == "2001:db8::5"
    assert url.port == 8866


def test_start_url_specific_host_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve, "lan_address", lambda: "192.0.2.7")
    assert urlsplit(start_url("198.51.100.20", 8866, "tok")).hostname == "198.51.100.20"


def test_lan_address_is_an_ipv4_address() -> None:
    assert ipaddress.ip_address(serve.lan_address()).version == 4


@pytest.fixture
def fake_exec(monkeypatch: pytest.MonkeyPatch) -> list:
    """Stop main() from replacing the test process or moving its working folder."""
    calls: list = []
    monkeypatch.setattr(serve.os, "execv", lambda path, args: calls.append((path, args)))
    monkeypatch.setattr(serve.os, "chdir", lambda path: None)
    monkeypatch.setenv("JUPYTER_PATH", "")
    return calls


def test_main_on_network_turns_on_a_token(monkeypatch: pytest.MonkeyPatch, fake_exec: list,
                                          capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.setenv("PORT", "9001")
    monkeypatch.setenv("PACK_TOKEN", "from-env")
    monkeypatch.setattr(serve, "lan_address", lambda: "192.0.2.9")
    serve.main()
    (_, command), = fake_exec
    assert "--token=from-env" in command
    assert "http://192.0.2.9:9001/" in capsys.readouterr().out


def test_main_on_network_makes_random_token(monkeypatch: pytest.MonkeyPatch,
                                            fake_exec: list) -> None:
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.delenv("PACK_TOKEN", raising=False)
    monkeypatch.setattr(serve, "lan_address", lambda: "192.0.2.9")
    serve.main()
    (_, command), = fake_exec
    tokens = [part for part in command if part.startswith("--token=")]
    assert len(tokens) == 1
    assert len(tokens[0]) > len("--token=") + 10


def test_main_local_has_no_token(monkeypatch: pytest.MonkeyPatch, fake_exec: list,
                                 capsys: pytest.CaptureFixture) -> None:
    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    monkeypatch.setenv("PACK_TOKEN", "ignored")
    serve.main()
    (_, command), = fake_exec
    assert not any(part.startswith("--token") for part in command)
    assert f"http://127.0.0.1:8866/{START_PAGE}\n" in capsys.readouterr().out


def test_main_points_jupyter_at_pack_templates(monkeypatch: pytest.MonkeyPatch,
                                               fake_exec: list) -> None:
    monkeypatch.delenv("HOST", raising=False)
    serve.main()
    assert serve.os.environ["JUPYTER_PATH"] == str(serve.REPO / "assets" / "jupyter")


# Light and dark halves of one printed character (light is the solid block, as on a terminal
# with dark text on a light background: the quiet zone round the code is light).
HALVES = {"█": (0, 0), "▀": (0, 1), "▄": (1, 0), " ": (1, 1)}


def modules_drawn(drawing: str) -> list[list[int]]:
    """Turn the printed QR code back into rows of modules (1 = dark)."""
    rows: list[list[int]] = []
    for line in drawing.splitlines():
        if line:
            pairs = [HALVES[char] for char in line]
            rows.append([top for top, _ in pairs])
            rows.append([bottom for _, bottom in pairs])
    return rows


def test_qr_code_draws_exactly_the_shared_address() -> None:
    import segno

    url = "http://192.0.2.9:9001/voila/render/00_start.ipynb?token=room-code"
    expected = [list(row) for row in segno.make(url, error="m").matrix_iter(border=4)]
    drawn = modules_drawn(serve.qr_code(url))
    assert drawn[: len(expected)] == expected
    other = [list(row) for row in segno.make(url + "x", error="m").matrix_iter(border=4)]
    assert drawn[: len(other)] != other


def test_main_on_network_prints_a_qr_code(monkeypatch: pytest.MonkeyPatch, fake_exec: list,
                                          capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.setenv("PORT", "9001")
    monkeypatch.setenv("PACK_TOKEN", "from-env")
    monkeypatch.setattr(serve, "lan_address", lambda: "192.0.2.9")
    serve.main()
    url = f"http://192.0.2.9:9001/{START_PAGE}?token=from-env"
    assert serve.qr_code(url) in capsys.readouterr().out


def test_main_local_prints_no_qr_code(monkeypatch: pytest.MonkeyPatch, fake_exec: list,
                                      capsys: pytest.CaptureFixture) -> None:
    monkeypatch.delenv("HOST", raising=False)
    serve.main()
    assert "▀" not in capsys.readouterr().out


def test_extra_arguments_reach_voila(monkeypatch: pytest.MonkeyPatch, fake_exec: list) -> None:
    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.setattr(serve.sys, "argv", ["serve", "--MappingKernelManager.cull_interval=2"])
    serve.main()
    (_, command), = fake_exec
    assert command[-1] == "--MappingKernelManager.cull_interval=2"


# ---- a room opening one chapter together: ready kernels for it ----

def test_room_options_keep_ready_kernels_for_the_chapter() -> None:
    options = serve.room_pool_options("05_language", "20")
    pools = next(option for option in options if "kernel_pools_config" in option)
    config = json.loads(pools.split("=", 1)[1])
    assert config == {"default": {"pool_size": 1}, "05_language.ipynb": {"pool_size": 20}}
    assert any(option.startswith("--VoilaKernelManager.fill_delay=") for option in options)


def test_room_options_are_empty_when_unset() -> None:
    assert serve.room_pool_options(None, None) == []
    assert serve.room_pool_options("", "") == []


@pytest.mark.parametrize(("chapter", "size", "says"), [
    ("05_language", None, "Set both"),
    (None, "20", "Set both"),
    ("no_such_chapter", "20", "no chapter with that name"),
    ("../voila", "20", "no chapter with that name"),
    ("05_language", "many", "whole number"),
    ("05_language", "0", "whole number"),
    ("05_language", "500", "whole number"),
])
def test_room_options_refuse_unclear_settings(chapter, size, says: str) -> None:
    with pytest.raises(serve.RoomSettingError, match=says):
        serve.room_pool_options(chapter, size)
