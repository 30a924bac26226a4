"""Serving to a room: with HOST=0.0.0.0 a page needs the printed access code."""

from __future__ import annotations

import urllib.error
import urllib.request

from conftest import serving


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def status_of(url: str) -> int:
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=90) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_room_server_refuses_pages_without_the_code_and_accepts_it() -> None:
    with serving("0.0.0.0", PACK_TOKEN="room-code-for-tests") as base:
        page = f"{base}/voila/render/00_start.ipynb"
        assert status_of(page) in (302, 403)
        assert status_of(page + "?token=wrong-code") in (302, 403)
        assert status_of(page + "?token=room-code-for-tests") == 200
