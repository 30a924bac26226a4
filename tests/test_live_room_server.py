"""The live room through the server: every door with and without the room's address, the
host's doors only from the laptop, refusals with clear messages, nothing on disk, no cookie,
and the server's own doors (pages, files, redirects, odd paths) never answering 500."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, serving
from markupsafe import escape

from peer_support.i18n import t
from peer_support.room.model import ANSWER_BURST
from peer_support.server.serve import lan_address

TOKEN = "room-test-code"
NO_PREHEAT = ("--VoilaConfiguration.preheat_kernel=False",)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(url: str, body: object = None, headers: dict | None = None,
            method: str | None = None, raw: bytes | None = None):
    """(status, headers, parsed JSON or text) for one request; never raises on HTTP errors."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    call = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json",
                                                           **(headers or {})}, method=method)
    try:
        with OPENER.open(call, timeout=60) as response:
            status, head, text = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, text = error.code, error.headers, error.read()
    text = text.decode("utf-8", "replace")
    try:
        return status, head, json.loads(text)
    except ValueError:
        return status, head, text


@pytest.fixture(scope="module")
def base():
    with serving("0.0.0.0", args=NO_PREHEAT, PACK_TOKEN=TOKEN) as url:
        yield url


class Host:
    """The facilitator, on the laptop: the host page's key, then its actions."""

    def __init__(self, base: str):
        status, _, page = request(f"{base}/room/host")
        assert status == 200
        self.key = page.split('data-key="', 1)[1].split('"', 1)[0]
        self.base = base

    def act(self, action: str, **body):
        return request(f"{self.base}/room/api/host/{action}", body, {"X-Room-Key": self.key})

    def start(self, chapter: str = "05_language", language: str = "en") -> dict:
        status, _, state = self.act("start", chapter=chapter, language=language)
        assert status == 200, state
        return state


class Phone:
    def __init__(self, base: str, code: str):
        self.base, self.code = base, code
        status, _, answer = self.post("join")
        assert status == 200, answer
        self.seat = answer["seat"]

    def post(self, action: str, **body):
        return request(f"{self.base}/room/api/{self.code}/{action}", body,
                       {"X-Room-Token": TOKEN, **({"X-Room-Seat": self.seat}
                                                  if hasattr(self, "seat") else {})})

    def state(self, since: int = -1):
        return request(f"{self.base}/room/api/{self.code}/phone?since={since}",
                       headers={"X-Room-Token": TOKEN, "X-Room-Seat": self.seat})[2]


def screen(base: str, code: str) -> dict:
    return request(f"{base}/room/api/{code}/screen?token={TOKEN}")[2]


# ---- the server's own doors, with and without the token


@pytest.mark.parametrize("path, without, with_token", [
    ("/", {302, 403}, {302}),
    ("/voila/tree", {302, 403}, {302}),
    ("/voila/tree/", {302, 403}, {302}),
    ("/voila/render/00_start.ipynb", {302, 403}, {200}),
    ("/voila/render/nothing-here.ipynb", {302, 403, 404}, {404}),
    ("/voila/files/00_start.ipynb", {302, 403, 404}, {403, 404}),
    ("/voila/templates/peer-support/static/pack.js", {200}, {200}),
    ("/voila/templates/peer-support/static/..%2F..%2F..%2Fvoila.json", {403, 404}, {403, 404}),
    ("/voila/templates/peer-support/static/%2e%2e/conf.json", {403, 404}, {403, 404}),
    # jupyter_server may first redirect an odd path to its tidy form; never a file outside.
    ("/voila/render/..%2Fpeer_support%2F__init__.py", {302, 403, 404}, {302, 403, 404}),
    ("/voila/render/%2e%2e/README.md", {302, 403, 404}, {302, 403, 404}),
    ("/room/abcdef", {403}, {404}),
    ("/room/abcdef/screen", {403}, {404}),
    ("/room/api/abcdef/screen", {403}, {404}),
    ("/room/..%2F..%2Fvoila.json", {403, 404}, {403, 404}),
])
def test_every_door_answers_without_a_server_error(base, path, without, with_token) -> None:
    status, _, _ = request(base + path)
    assert status in without, f"{path} without the token: {status}"
    joined = "&" if "?" in path else "?"
    status, head, body = request(f"{base}{path}{joined}token={TOKEN}")
    assert status in with_token, f"{path} with the token: {status}"
    if status == 302:
        # Followed, a redirect stays on this server and never serves a file from outside.
        target = head["Location"]
        assert target.startswith("/")
        joined = "&" if "?" in target else "?"
        followed, _, _ = request(f"{base}{target}{joined}token={TOKEN}")
        assert followed in {200, 403, 404}
        if followed == 200:
            assert target.startswith("/voila/render/00_start.ipynb")


def test_the_folder_listing_with_a_token_sends_people_to_the_start_page(base) -> None:
    status, head, _ = request(f"{base}/voila/tree?token={TOKEN}&lang=cy")
    assert status == 302
    assert head["Location"].endswith("voila/render/00_start.ipynb?lang=cy&token=" + TOKEN)


# ---- the host only from the laptop


def test_the_host_page_is_only_for_the_laptop(base) -> None:
    lan = lan_address()
    if lan.startswith("127."):
        pytest.skip("this machine has no network address to come from")
    port = base.rsplit(":", 1)[1]
    status, _, page = request(f"http://{lan}:{port}/room/host?token={TOKEN}")
    assert status == 403 and str(escape(t("room.host_only"))) in page and "data-key" not in page
    # A page on the network cannot act as host, even with the token.
    host = Host(base)
    status, _, answer = request(f"http://{lan}:{port}/room/api/host/start?token={TOKEN}",
                                {"chapter": "05_language"}, {"X-Room-Key": host.key})
    assert status == 403 and answer["key"] == "room.host_only"


def test_host_actions_need_the_key_and_a_local_address(base) -> None:
    host = Host(base)
    status, _, answer = request(f"{base}/room/api/host/start", {"chapter": "05_language"})
    assert status == 403 and answer["error"] == t("room.host_only")
    status, _, _ = request(f"{base}/room/api/host/start", {"chapter": "05_language"},
                           {"X-Room-Key": "guess"})
    assert status == 403
    # A name that is not this computer's (as a rebinding attack would use) is refused too.
    status, _, _ = request(f"{base}/room/api/host/start", {"chapter": "05_language"},
                           {"X-Room-Key": host.key, "Host": "evil.example"})
    assert status == 403


def test_a_participant_calling_host_actions_is_refused(base) -> None:
    host = Host(base)
    state = host.start()
    phone = Phone(base, state["code"])
    for action in ("ask", "reveal", "release", "end", "threshold"):
        status, _, answer = request(f"{base}/room/api/host/{action}",
                                    {"code": state["code"], "question": "language-game"},
                                    {"X-Room-Token": TOKEN, "X-Room-Seat": phone.seat})
        assert status == 403 and answer["key"] == "room.host_only"
    status, _, answer = phone.post("ask", question="language-game")
    assert status == 404 and answer["key"] == "room.refused"
    host.act("end", code=state["code"])


# ---- a whole room through the server


def test_a_room_from_start_to_end(base) -> None:
    host = Host(base)
    state = host.start("02_safety")
    code = state["code"]
    assert state["join_url"].endswith(f"/room/{code}?token={TOKEN}")
    assert state["join_url"].startswith(f"http://{lan_address()}:")
    phones = [Phone(base, code) for _ in range(4)]
    assert phones[0].state()["version"] >= 0 and "question" not in phones[0].state()
    host.act("ask", code=code, question="check-in-word")
    question = phones[0].state()["question"]
    assert question["words"] is True and question["title"] == t("room.check_in_title")
    for phone, word in zip(phones, ["<b>calm</b>", "ŵ ŷ 🙂", "tired", "x" * 10_000],
                           strict=True):
        status, _, answer = phone.post("words", question="check-in-word", round=1, text=word)
        if len(word) > 100:
            assert status == 400 and answer["error"] == t("room.words_too_long", limit=30)
        else:
            assert status == 200 and answer["message"] == t("room.words_sent")
    # Nothing typed reaches the projector before release.
    assert "calm" not in json.dumps(screen(base, code), ensure_ascii=False)
    status, _, page = request(f"{base}/room/{code}/screen?token={TOKEN}")
    assert status == 200 and "calm" not in page and host.key not in page
    status, _, hosted = request(f"{base}/room/api/host/state?code={code}",
                                headers={"X-Room-Key": host.key})
    queue = next(q for q in hosted["questions"] if q["id"] == "check-in-word")["queue"]
    assert sorted(w["text"] for w in queue) == ["<b>calm</b>", "tired", "ŵ ŷ 🙂"]
    for word in queue:
        if word["text"] != "tired":
            host.act("release", code=code, question="check-in-word", word=word["id"])
        else:
            host.act("leave-out", code=code, question="check-in-word", word=word["id"])
    host.act("reveal", code=code, question="check-in-word")
    shown = screen(base, code)["showing"]["results"]["words"]
    assert [word for word, _ in shown] == ["<b>calm</b>", "ŵ ŷ 🙂"]
    # The group keeps what was shown, as a handout; typed text stays text in it.
    status, head, handout = request(f"{base}/room/api/host/keep?code={code}&key={host.key}")
    assert status == 200 and "attachment" in head["Content-Disposition"]
    assert "&lt;b&gt;calm&lt;/b&gt;" in handout and "<b>calm" not in handout
    assert "tired" not in handout
    # End room wipes everything; every view says so.
    host.act("end", code=code)
    assert screen(base, code)["key"] == "room.ended"
    status, _, answer = phones[1].post("words", question="check-in-word", round=1, text="late")
    assert status == 410 and answer["error"] == t("room.ended")
    status, _, page = request(f"{base}/room/{code}?token={TOKEN}")
    assert status == 404 and str(escape(t("room.ended"))) in page


def test_totals_wait_for_the_threshold_through_the_server(base) -> None:
    host = Host(base)
    code = host.start("11_troubleshooting")["code"]
    status, _, answer = host.act("threshold", code=code, threshold=2)
    assert status == 400 and answer["key"] == "room.threshold_range"
    host.act("ask", code=code, question="scenarios-1")
    phones = [Phone(base, code) for _ in range(3)]
    for phone in phones[:2]:
        assert phone.post("answer", question="scenarios-1", round=1,
                          choices={"choice": "a"})[0] == 200
    status, _, answer = phones[0].post("answer", question="scenarios-1", round=1,
                                       choices={"choice": "b"})
    assert status == 409 and answer["key"] == "room.already_answered"
    asking = screen(base, code)["asking"]
    assert asking["answered"] == 2 and asking["more_needed"] == 1
    phones[2].post("answer", question="scenarios-1", round=1, choices={"choice": "pass"})
    host.act("reveal", code=code, question="scenarios-1")
    (item,) = screen(base, code)["showing"]["results"]["items"]
    assert item["counts"][0][1] == 2 and item["not_placed"] == 1
    host.act("end", code=code)


def test_bad_requests_get_clear_messages(base) -> None:
    host = Host(base)
    code = host.start()["code"]
    phone = Phone(base, code)
    host.act("ask", code=code, question="language-game")
    for raw, key in [(b"not json", "room.bad_answer"), (b"[1, 2]", "room.bad_answer"),
                     (b"x" * 70_000, "room.too_big")]:
        status, _, answer = request(f"{base}/room/api/{code}/answer", raw=raw,
                                    headers={"X-Room-Token": TOKEN, "X-Room-Seat": phone.seat})
        assert status in (400, 413) and answer["key"] == key
    status, _, answer = phone.post("answer", question="language-game", round="1", choices={})
    assert status == 400 and answer["error"] == t("room.bad_answer")
    status, _, answer = request(f"{base}/room/api/{code}/answer",
                                {"question": "language-game", "round": 1, "choices": {}},
                                {"X-Room-Token": TOKEN, "X-Room-Seat": "made-up"})
    assert status == 403 and answer["key"] == "room.not_joined"
    # Welsh pages get the Welsh message.
    welsh = host.start(language="cy")["code"]
    status, _, answer = request(f"{base}/room/api/{welsh}/answer", raw=b"nope",
                                headers={"X-Room-Token": TOKEN})
    assert answer["error"] == t("room.bad_answer", "cy")
    host.act("end", code=code)
    host.act("end", code=welsh)


def test_without_the_token_nothing_can_be_read_or_sent(base) -> None:
    host = Host(base)
    code = host.start()["code"]
    for method, path in [("POST", "join"), ("GET", "phone"), ("GET", "screen"),
                         ("POST", "answer"), ("POST", "words")]:
        status, _, answer = request(f"{base}/room/api/{code}/{path}",
                                    {} if method == "POST" else None, method=method)
        assert status == 403 and answer["key"] == "room.need_address"
        status, _, _ = request(f"{base}/room/api/{code}/{path}?token=wrong",
                               {} if method == "POST" else None, method=method)
        assert status == 403
    status, _, page = request(f"{base}/room/{code}")
    assert status == 403 and code not in page.split("<main", 1)[1]
    host.act("end", code=code)


def test_one_page_flooding_is_limited_and_the_room_stays_quick(base) -> None:
    host = Host(base)
    code = host.start()["code"]
    host.act("ask", code=code, question="language-game")
    flooder, other = Phone(base, code), Phone(base, code)
    refused = 0
    started = time.monotonic()
    for _ in range(ANSWER_BURST + 40):
        status, _, _ = flooder.post("answer", question="nope", round=1, choices={})
        refused += status == 429
    assert refused >= 40
    status, _, _ = other.post("answer", question="language-game", round=1, choices={})
    assert status == 200 and time.monotonic() - started < 20
    host.act("end", code=code)


def test_a_long_poll_hears_of_a_change_within_a_second(base) -> None:
    host = Host(base)
    code = host.start()["code"]
    version = screen(base, code)["version"]
    heard = {}

    def listen() -> None:
        heard["state"] = request(f"{base}/room/api/{code}/screen?token={TOKEN}&since={version}")
        heard["at"] = time.monotonic()

    listener = threading.Thread(target=listen)
    listener.start()
    time.sleep(1)
    asked = time.monotonic()
    host.act("ask", code=code, question="language-game")
    listener.join(timeout=10)
    assert heard["state"][2]["asking"]["title"] == t("room.game_title")
    assert heard["at"] - asked < 1.0
    host.act("end", code=code)


def test_room_responses_keep_nothing_in_the_browser_or_on_disk(base, tmp_path) -> None:
    before = {path for path in REPO.rglob("*") if ".git" not in path.parts
              and "test-artifacts" not in path.parts and ".pytest_cache" not in path.parts}
    host = Host(base)
    code = host.start()["code"]
    status, head, page = request(f"{base}/room/{code}?token={TOKEN}")
    assert status == 200 and "Set-Cookie" not in head
    assert head["Cache-Control"] == "no-store"
    assert "script-src 'self';" in head["Content-Security-Policy"]
    assert "<script>" not in page  # no inline script: the policy would block it anyway
    phone = Phone(base, code)
    host.act("ask", code=code, question="language-game")
    phone.post("answer", question="language-game", round=1, choices={"t01": "fine"})
    host.act("end", code=code)
    after = {path for path in REPO.rglob("*") if ".git" not in path.parts
             and "test-artifacts" not in path.parts and ".pytest_cache" not in path.parts}
    assert {str(p) for p in after - before if "__pycache__" not in p.parts} == set()


def test_the_room_pages_are_drawn_in_welsh_for_a_welsh_room(base) -> None:
    host = Host(base)
    code = host.start("05_language", "cy")["code"]
    status, _, page = request(f"{base}/room/{code}?token={TOKEN}")
    assert status == 200 and '<html lang="cy"' in page
    assert str(escape(t("room.leave", "cy"))) in page
    status, _, page = request(f"{base}/room/{code}/screen?token={TOKEN}")
    assert '<svg' in page and str(escape(t("room.join_how", "cy"))) in page
    host_page = request(f"{base}/room/host?lang=cy")[2]
    assert str(escape(t("room.host_title", "cy"))) in host_page
    host.act("end", code=code)


def test_a_restarted_server_has_no_rooms_and_says_so(tmp_path) -> None:
    with serving("0.0.0.0", args=NO_PREHEAT, PACK_TOKEN=TOKEN) as first:
        code = Host(first).start()["code"]
        port = first.rsplit(":", 1)[1]
    with serving("0.0.0.0", args=NO_PREHEAT, port=int(port), PACK_TOKEN=TOKEN) as again:
        status, _, answer = request(f"{again}/room/api/{code}/join", {},
                                    {"X-Room-Token": TOKEN})
        assert status == 404 and answer["error"] == t("room.gone")


def test_no_room_file_is_written_anywhere_in_the_package() -> None:
    source = "".join(path.read_text(encoding="utf-8")
                     for path in (REPO / "peer_support" / "room").glob("*.py"))
    assert not re.search(r"(?<![\w.])open\(", source)  # no file is opened at all
    for writes in ("write_text", "write_bytes", "set_cookie", "localStorage",
                   "sessionStorage"):
        assert writes not in source, writes
    script = (REPO / "assets/jupyter/voila/templates/peer-support/static/room.js").read_text()
    assert "localStorage" not in script and "sessionStorage" not in script
    assert "innerHTML" not in script
    assert Path(REPO / "peer_support/room/server.py").is_file()
