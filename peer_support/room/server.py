"""The live room's doors: plain tornado handlers inside the pack's Voilà server.

Who may do what:

- **The host** (the facilitator) works from the laptop itself: host pages and host actions
  answer only requests from this computer (127.0.0.1 or ::1, with a local Host header), and
  actions also need the host key, a random value made when the server starts and written
  only into the host page. A phone can never act as host.
- **Everyone else** needs the room's address: its code, plus the server's access token when
  the pack serves a network (``make serve HOST=0.0.0.0``). Without them nothing can be read
  or sent.

Nothing is stored on disk and no cookie is set. Every response says ``Cache-Control:
no-store`` and carries a strict content security policy: the room's pages run only the
pack's own script files and talk only to this server.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import os
import secrets
from pathlib import Path
from urllib.parse import urlencode

import tornado.ioloop
import tornado.web
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from ..i18n import DEFAULT_LANGUAGE, HTML_LANG, LANGUAGES, catalogue, speaking, t
from ..kit.blocks import existing_chapters
from ..kit.handout import Handout
from ..server.frame_text import chrome_text
from .model import IDLE_MINUTES, THRESHOLD_DEFAULT, THRESHOLD_MAX, THRESHOLD_MIN, Refusal, Room
from .questions import chapter_questions, chapters_with_rooms

HERE = Path(__file__).resolve().parent
FRAME_DIR = HERE.parents[1] / "assets" / "jupyter" / "voila" / "templates" / "peer-support"
STATIC = "voila/templates/peer-support/static/"
LOOPBACK = {"127.0.0.1", "::1"}
LOCAL_NAMES = {"127.0.0.1", "localhost", "::1", "[::1]"}
#: A long poll waits at most this long for news before answering "nothing new".
POLL_SECONDS = 25
BODY_LIMIT = 64 * 1024
EXIT_URL = "https://www.bbc.co.uk/weather"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


class Hub:
    """Every room this server holds, in memory, and the pages waiting for news of them."""

    def __init__(self, token: str, base_url: str, public_url: str, reachable: bool):
        self.token = token
        self.base_url = base_url
        self.public_url = public_url.rstrip("/") + "/" if public_url else ""
        self.reachable = reachable
        self.host_key = secrets.token_urlsafe(24)
        self.rooms: dict[str, Room] = {}
        self.ended: set[str] = set()
        self.waiting: dict[str, list[asyncio.Future]] = {}
        self.timer: tornado.ioloop.PeriodicCallback | None = None

    def keep_time(self) -> None:
        """Check for idle rooms once a minute (started with the first request, in the loop)."""
        if self.timer is None:
            self.timer = tornado.ioloop.PeriodicCallback(self.end_idle, 60_000)
            self.timer.start()

    def start(self, chapter: str, language: str) -> Room:
        questions, _problems = chapter_questions(chapter, language)
        if not questions:
            raise Refusal("room.no_activities", 404)
        room = Room(chapter, language, questions)
        self.rooms[room.code] = room
        return room

    def room(self, code: str) -> Room:
        room = self.rooms.get(code)
        if room is None:
            raise Refusal("room.ended" if code in self.ended else "room.gone",
                          410 if code in self.ended else 404)
        return room

    def end(self, room: Room) -> None:
        room.end()
        self.rooms.pop(room.code, None)
        self.ended.add(room.code)
        self.notify(room)

    def notify(self, room: Room) -> None:
        for future in self.waiting.pop(room.code, []):
            if not future.done():
                future.set_result(None)

    async def wait(self, room: Room, since: int) -> None:
        """Return when the room changes after version ``since`` (or after a while)."""
        if room.version != since or room.ended:
            return
        future = asyncio.get_running_loop().create_future()
        self.waiting.setdefault(room.code, []).append(future)
        try:
            await asyncio.wait_for(future, POLL_SECONDS)
        except asyncio.TimeoutError:
            pass

    def end_idle(self) -> None:
        for room in list(self.rooms.values()):
            if room.idle():
                self.end(room)

    def join_url(self, room: Room, request_base: str) -> str:
        base = self.public_url or request_base
        query = {"token": self.token} if self.token else {}
        if room.language != DEFAULT_LANGUAGE:
            query["lang"] = room.language
        return f"{base}room/{room.code}" + (f"?{urlencode(query)}" if query else "")


def _fill(key: str, language: str, slots: dict) -> Markup:
    """A catalogue entry with ``{slot}`` placeholders replaced by ready HTML."""
    text = str(escape(t(key, language)))
    for name, html in slots.items():
        text = text.replace(name, str(html))
    return Markup(text)


TEMPLATES = Environment(loader=FileSystemLoader([HERE / "templates", FRAME_DIR]),
                        autoescape=select_autoescape(["html", "j2"]))


def render(name: str, language: str, **values) -> str:
    """A room page in ``language``: the frame's words for pack.js, the room's for room.js."""
    words = {key: text for key, text in catalogue(language).items() if key.startswith("room.")}
    with speaking(language):
        return TEMPLATES.get_template(name).render(
            say=lambda key, **slots: t(key, language, **slots),
            fill=lambda key, slots: _fill(key, language, slots),
            frame_words=chrome_text()["strings"][language], words=words,
            lang=language, html_lang=HTML_LANG[language], exit_url=EXIT_URL, **values)


class RoomHandler(tornado.web.RequestHandler):
    """What every room door shares: no caching, the strict policy, answers as JSON."""

    def initialize(self, hub: Hub) -> None:
        self.hub = hub
        hub.keep_time()

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Security-Policy", CSP)
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("X-Content-Type-Options", "nosniff")

    @property
    def language(self) -> str:
        wanted = self.get_query_argument("lang", DEFAULT_LANGUAGE)
        return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE

    def check_xsrf_cookie(self) -> None:
        """Room actions carry no cookie at all; the token, seat or host key is the proof."""

    def has_token(self) -> bool:
        if not self.hub.token:
            return True
        given = self.get_query_argument("token", "") or self.request.headers.get(
            "X-Room-Token", "")
        return hmac.compare_digest(given.encode(), self.hub.token.encode())

    def is_laptop(self) -> bool:
        return (self.request.remote_ip in LOOPBACK
                and self.request.host_name.lower() in LOCAL_NAMES)

    def body(self) -> dict:
        if len(self.request.body) > BODY_LIMIT:
            raise Refusal("room.too_big", 413)
        try:
            data = json.loads(self.request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise Refusal("room.bad_answer", 400) from None
        if not isinstance(data, dict):
            raise Refusal("room.bad_answer", 400)
        return data

    def refuse(self, refusal: Refusal, language: str | None = None) -> None:
        self.set_status(refusal.status)
        self.finish({"error": t(refusal.key, language or self.language, **refusal.values),
                     "key": refusal.key})

    def page(self, name: str, language: str, status: int = 200, **values) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        static = self.hub.base_url + STATIC
        self.finish(render(name, language, static=static, base_url=self.hub.base_url,
                           **values))

    def write_error(self, status_code: int, **kwargs) -> None:
        self.finish({"error": t("room.refused", self.language), "key": "room.refused"})

    def chapter_url(self, chapter: str, language: str) -> str:
        query = {"lang": language} if language != DEFAULT_LANGUAGE else {}
        if self.hub.token:
            query["token"] = self.hub.token
        return (f"{self.hub.base_url}voila/render/{chapter}.ipynb"
                + (f"?{urlencode(query)}" if query else ""))


def chapter_titles() -> dict[str, str]:
    try:
        return {chapter.slug: chapter.title for chapter in existing_chapters()}
    except Exception:  # a broken chapters.yaml must not take the room down  # noqa: BLE001
        return {}


# ---- the facilitator's doors


class HostPage(RoomHandler):
    def get(self) -> None:
        if not self.is_laptop():
            self.page("room_refused.html.j2", self.language, 403,
                      message=t("room.host_only", self.language))
            return
        language = self.language
        chapter = self.get_query_argument("chapter", "")
        titles = chapter_titles()
        chapters = [(name, titles.get(name, name)) for name in chapters_with_rooms()]
        self.page("room_host.html.j2", language, host_key=self.hub.host_key,
                  chapters=chapters, chosen=chapter, reachable=self.hub.reachable,
                  threshold=THRESHOLD_DEFAULT, threshold_min=THRESHOLD_MIN,
                  threshold_max=THRESHOLD_MAX, idle_minutes=IDLE_MINUTES,
                  rooms=[(room.code, titles.get(room.chapter, room.chapter))
                         for room in self.hub.rooms.values()])


class HostAction(RoomHandler):
    """POST /room/api/host/<action>: the facilitator's controls."""

    def prepare(self) -> None:
        key = self.request.headers.get("X-Room-Key", "")
        if self.request.method == "GET" and not key:  # a download link cannot send a header
            key = self.get_query_argument("key", "")
        if not (self.is_laptop() and hmac.compare_digest(key.encode(),
                                                         self.hub.host_key.encode())):
            self.refuse(Refusal("room.host_only", 403))

    async def get(self, action: str) -> None:
        try:
            room = self.hub.room(self.get_query_argument("code", ""))
        except Refusal as refusal:
            self.refuse(refusal)
            return
        if action == "state":
            await self.hub.wait(room, int(self.get_query_argument("since", "-1") or -1))
            with speaking(room.language):
                self.finish(self.state(room))
        elif action == "keep":
            self.keep(room)
        else:
            self.refuse(Refusal("room.refused", 404))

    def post(self, action: str) -> None:
        try:
            data = self.body()
            if action == "start":
                language = data.get("language") if data.get("language") in LANGUAGES \
                    else DEFAULT_LANGUAGE
                room = self.hub.start(str(data.get("chapter", "")), language)
            else:
                room = self.hub.room(str(data.get("code", "")))
                with speaking(room.language):
                    self.act(room, action, data)
        except Refusal as refusal:
            self.refuse(refusal)
            return
        self.hub.notify(room)
        with speaking(room.language):
            self.finish(self.state(room))

    def act(self, room: Room, action: str, data: dict) -> None:
        question = str(data.get("question", ""))
        word = str(data.get("word", ""))
        if action == "ask":
            room.ask(question)
        elif action == "again":
            room.ask_again(question)
        elif action == "stop":
            room.stop()
        elif action == "reveal":
            room.reveal(question)
        elif action == "hide":
            room.hide()
        elif action == "release":
            room.release(question, word)
        elif action == "leave-out":
            room.leave_out(question, word)
        elif action == "vote":
            room.vote_on(question)
        elif action == "threshold":
            value = data.get("threshold")
            if not isinstance(value, int) or isinstance(value, bool):
                raise Refusal("room.threshold_range", 400, low=THRESHOLD_MIN,
                              high=THRESHOLD_MAX)
            room.set_threshold(value)
        elif action == "end":
            self.hub.end(room)
        else:
            raise Refusal("room.refused", 404)

    def state(self, room: Room) -> dict:
        state = room.host_state()
        base = f"{self.request.protocol}://{self.request.host}{self.hub.base_url}"
        state["join_url"] = self.hub.join_url(room, base)
        query = {"token": self.hub.token} if self.hub.token else {}
        if room.language != DEFAULT_LANGUAGE:
            query["lang"] = room.language
        state["screen_url"] = (f"{self.hub.base_url}room/{room.code}/screen"
                               + (f"?{urlencode(query)}" if query else ""))
        state["chapter_url"] = self.chapter_url(room.chapter, room.language)
        return state

    def keep(self, room: Room) -> None:
        """The group's released words and revealed totals, as a handout to download."""
        language = room.language
        with speaking(language):
            title = chapter_titles().get(room.chapter, room.chapter)
            handout = Handout(t("room.keep_title", title=title), t("room.keep_intro"))
            for question, results in room.kept():
                if "words" in results:
                    handout.add(question.title, [
                        word if count == 1 else t("room.keep_word_count", word=word, count=count)
                        for word, count in results["words"]])
                    continue
                for item in results["items"]:
                    counts = [f"{label}: {count}" for label, count in item["counts"]]
                    counts.append(f"{t('room.not_placed')}: {item['not_placed']}")
                    heading = question.title if len(results["items"]) == 1 \
                        else f"{question.title}: {item['label']}"
                    handout.add(heading, counts)
            if not handout.filled_sections:
                handout.add(t("room.keep_empty_heading"), [t("room.keep_empty")])
            wanted = self.get_query_argument("format", "html")
            if wanted == "md":
                self.set_header("Content-Type", "text/markdown; charset=utf-8")
                body, extension = handout.to_markdown(), "md"
            else:
                self.set_header("Content-Type", "text/html; charset=utf-8")
                body, extension = handout.to_html(), "html"
        self.set_header("Content-Disposition",
                        f'attachment; filename="our-room-{room.chapter}.{extension}"')
        self.finish(body)


# ---- everyone's doors


class RoomPage(RoomHandler):
    """GET /room/<code> (a phone) and /room/<code>/screen (the projector)."""

    def get(self, code: str, view: str | None) -> None:
        language = self.language
        if not self.has_token():
            self.page("room_refused.html.j2", language, 403,
                      message=t("room.need_address", language))
            return
        room = self.hub.rooms.get(code)
        if room is None:
            key = "room.ended" if code in self.hub.ended else "room.gone"
            self.page("room_refused.html.j2", language, 404, message=t(key, language))
            return
        language = room.language
        token = self.hub.token
        title = chapter_titles().get(room.chapter, room.chapter)
        chapter_url = self.chapter_url(room.chapter, language)
        if view == "screen":
            base = f"{self.request.protocol}://{self.request.host}{self.hub.base_url}"
            join = self.hub.join_url(room, base)
            self.page("room_screen.html.j2", language, code=code, token=token, title=title,
                      join_url=join, qr=qr_svg(join), reachable=self.hub.reachable)
        else:
            self.page("room_phone.html.j2", language, code=code, token=token, title=title,
                      chapter_url=chapter_url, threshold=room.threshold)


class RoomApi(RoomHandler):
    """/room/api/<code>/<action>: join, answer, words, leave (POST); phone, screen (GET)."""

    def prepare(self) -> None:
        if not self.has_token():
            self.refuse(Refusal("room.need_address", 403))

    def seat(self, data: dict | None = None) -> str:
        return self.request.headers.get("X-Room-Seat", "") or str((data or {}).get("seat", ""))

    async def get(self, code: str, action: str) -> None:
        try:
            room = self.hub.room(code)
            since = int(self.get_query_argument("since", "-1") or -1)
            if action == "phone":
                seat = self.seat()
                room.seen(seat)
                await self.hub.wait(room, since)
                state = room.phone_state(seat)
            elif action == "screen":
                await self.hub.wait(room, since)
                state = room.screen_state()
            else:
                raise Refusal("room.refused", 404)
        except Refusal as refusal:
            self.refuse(refusal)
            return
        except ValueError:
            self.refuse(Refusal("room.bad_answer", 400))
            return
        self.finish(state)

    def post(self, code: str, action: str) -> None:
        language = self.language
        try:
            room = self.hub.room(code)
            language = room.language
            data = self.body()
            with speaking(language):
                if action == "join":
                    self.finish({"seat": room.join(), "version": room.version})
                    self.hub.notify(room)
                    return
                seat = self.seat(data)
                if action == "answer":
                    round_number = data.get("round")
                    choices = data.get("choices")
                    if not isinstance(round_number, int) or not isinstance(choices, dict):
                        raise Refusal("room.bad_answer", 400)
                    room.answer(seat, str(data.get("question", "")), round_number, choices)
                    message = t("room.answer_counted")
                elif action == "words":
                    round_number = data.get("round")
                    if not isinstance(round_number, int):
                        raise Refusal("room.bad_answer", 400)
                    room.send_words(seat, str(data.get("question", "")), round_number,
                                    data.get("text"))
                    message = t("room.words_sent")
                elif action == "leave":
                    room.leave(seat)
                    message = t("room.left")
                else:
                    raise Refusal("room.refused", 404)
        except Refusal as refusal:
            self.refuse(refusal, language)
            return
        self.hub.notify(room)
        self.finish({"ok": True, "message": message})


def qr_svg(text: str) -> Markup:
    """The join address as a QR code, drawn here as SVG (segno; nothing leaves the laptop)."""
    import segno

    svg = segno.make(text, error="m").svg_inline(scale=6, border=2, dark="#0b0c0c",
                                                light="#ffffff", omitsize=True)
    return Markup(svg)


def room_handlers(base_url: str, token: str, public_url: str, reachable: bool) -> tuple:
    """The room's routes for the server app, and the hub that holds the rooms."""
    hub = Hub(token, base_url, public_url, reachable)
    options = {"hub": hub}
    prefix = base_url.rstrip("/") + "/room"
    routes = [
        (prefix + "/host", HostPage, options),
        (prefix + r"/api/host/([a-z-]+)", HostAction, options),
        (prefix + r"/api/([A-Za-z0-9_-]{1,32})/([a-z]+)", RoomApi, options),
        (prefix + r"/([A-Za-z0-9_-]{1,32})(?:/(screen))?", RoomPage, options),
    ]
    return routes, hub


def public_url() -> str:
    """The address phones use, set by ``peer_support.server.serve`` (empty when unknown)."""
    return os.environ.get("PACK_PUBLIC_URL", "")
