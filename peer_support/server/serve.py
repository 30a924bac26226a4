"""Start Voilà with the pack's configuration: ``python -m peer_support.server.serve``.

``make serve`` runs this. It honours HOST and PORT from the environment, prints the start
page's address, and never opens a browser itself. Serving beyond this computer
(HOST=0.0.0.0) turns on a random access token, because anyone on the network could
otherwise open pages and start kernels.

For a room that will open one chapter together, ``ROOM_CHAPTER=05_language ROOM_SIZE=20``
keeps 20 kernels for that chapter ready before people arrive (about 50 MB of memory each), so
nobody waits for one to start. Every other page keeps one ready kernel.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
START_PAGE = "voila/render/00_start.ipynb"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
ALL_INTERFACES = {"0.0.0.0", "::", ""}


def lan_address() -> str:
    """This computer's address on the local network, without sending anything anywhere."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        # connect() on UDP sends no packet; it only asks the OS which interface it would use.
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


MAX_ROOM_SIZE = 60
ROOM_REFILL_DELAY_S = 120


class RoomSettingError(ValueError):
    """ROOM_CHAPTER or ROOM_SIZE cannot be used; the message says why, in plain words."""


def room_pool_options(chapter: str | None, size: str | None,
                      notebooks: Path = REPO / "notebooks") -> list[str]:
    """Voilà options that keep ``size`` ready kernels for ``chapter`` (none if unset)."""
    if not chapter and not size:
        return []
    if not chapter or not size:
        raise RoomSettingError("Set both ROOM_CHAPTER and ROOM_SIZE, for example "
                               "ROOM_CHAPTER=05_language ROOM_SIZE=20.")
    name = chapter.removesuffix(".ipynb") + ".ipynb"
    if "/" in name or not (notebooks / name).is_file():
        raise RoomSettingError(f"ROOM_CHAPTER={chapter}: there is no chapter with that name in "
                               "notebooks/ (use a name like 05_language).")
    if not size.isdigit() or not 1 <= int(size) <= MAX_ROOM_SIZE:
        raise RoomSettingError(f"ROOM_SIZE={size}: use a whole number from 1 to {MAX_ROOM_SIZE}.")
    pools = {"default": {"pool_size": 1}, name: {"pool_size": int(size)}}
    # Refill the pool only after the room has settled, so refills do not compete with pages.
    return [f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}",
            f"--VoilaKernelManager.fill_delay={ROOM_REFILL_DELAY_S}"]


def voila_command(host: str, port: int, token: str | None,
                  extra: Sequence[str] = ()) -> list[str]:
    """The Voilà command line for this host, port and token, plus any ``extra`` options."""
    command = [sys.executable, "-m", "peer_support.server.app", f"--Voila.ip={host}",
               f"--port={port}", "--no-browser"]
    if token:
        command.append(f"--token={token}")
    return command + list(extra)


def public_base(host: str, port: int) -> str:
    """The server's address as other devices see it, ending in ``/``."""
    shown = lan_address() if host in ALL_INTERFACES else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def start_url(host: str, port: int, token: str | None) -> str:
    """The address to open (and, on a network, to share)."""
    url = public_base(host, port) + START_PAGE
    return f"{url}?token={token}" if token else url


def host_url(port: int) -> str:
    """Where the facilitator runs a live room: on this laptop only."""
    return f"http://127.0.0.1:{port}/room/host"


def qr_code(url: str) -> str:
    """The address as a QR code drawn with text characters, for phones in the room to scan.

    segno is pure Python and makes the code on this computer; nothing is sent anywhere.
    """
    import segno  # only needed when serving to a room

    drawing = io.StringIO()
    segno.make(url, error="m").terminal(out=drawing, compact=True)
    return drawing.getvalue()


def main() -> None:
    host = os.environ.get("HOST") or "127.0.0.1"
    port = int(os.environ.get("PORT") or 8866)
    token = None
    if host not in LOCAL_HOSTS:
        token = os.environ.get("PACK_TOKEN") or secrets.token_urlsafe(16)
    try:
        room = room_pool_options(os.environ.get("ROOM_CHAPTER"), os.environ.get("ROOM_SIZE"))
    except RoomSettingError as error:
        sys.exit(f"  {error}")
    os.environ["JUPYTER_PATH"] = str(REPO / "assets" / "jupyter")
    os.environ["PACK_PUBLIC_URL"] = public_base(host, port)  # the live room's join address
    os.chdir(REPO)  # voila.json is read from the current folder
    print()
    print("  Women's peer support workshop pack")
    url = start_url(host, port, token)
    print(f"  Open the start page: {url}")
    if token:
        print("  This address includes an access code. Share it only with people in the room.")
        print("  People in the room can scan this code with a phone camera to open it:")
        print(qr_code(url))
    if room:
        print(f"  Getting {os.environ['ROOM_SIZE']} pages of {os.environ['ROOM_CHAPTER']} "
              "ready for the room. This takes a minute or two.")
    print(f"  Run a live room (open this on this laptop only): {host_url(port)}")
    print("  Press Ctrl+C to stop.")
    print(flush=True)
    os.execv(sys.executable, voila_command(host, port, token, [*room, *sys.argv[1:]]))


if __name__ == "__main__":
    main()
