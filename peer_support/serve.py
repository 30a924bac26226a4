"""Start Voilà with the pack's configuration: ``python -m peer_support.serve``.

``make serve`` runs this. It honours HOST and PORT from the environment, prints the start
page's address, and never opens a browser itself. Serving beyond this computer
(HOST=0.0.0.0) turns on a random access token, because anyone on the network could
otherwise open pages and start kernels.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
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


def voila_command(host: str, port: int, token: str | None) -> list[str]:
    """The Voilà command line for this host, port and token."""
    command = [sys.executable, "-m", "voila", f"--Voila.ip={host}", f"--port={port}",
               "--no-browser"]
    if token:
        command.append(f"--token={token}")
    return command


def start_url(host: str, port: int, token: str | None) -> str:
    """The address to open (and, on a network, to share)."""
    shown = lan_address() if host in ALL_INTERFACES else host
    if ":" in shown:
        shown = f"[{shown}]"
    url = f"http://{shown}:{port}/{START_PAGE}"
    return f"{url}?token={token}" if token else url


def main() -> None:
    host = os.environ.get("HOST") or "127.0.0.1"
    port = int(os.environ.get("PORT") or 8866)
    token = None
    if host not in LOCAL_HOSTS:
        token = os.environ.get("PACK_TOKEN") or secrets.token_urlsafe(16)
    os.environ["JUPYTER_PATH"] = str(REPO / "assets" / "jupyter")
    os.chdir(REPO)  # voila.json is read from the current folder
    print()
    print("  Women's peer support workshop pack")
    print(f"  Open the start page: {start_url(host, port, token)}")
    if token:
        print("  This address includes an access code. Share it only with people in the room.")
    print("  Press Ctrl+C to stop.")
    print(flush=True)
    os.execv(sys.executable, voila_command(host, port, token))


if __name__ == "__main__":
    main()
