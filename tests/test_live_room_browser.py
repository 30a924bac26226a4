"""A whole live room in a real browser: the facilitator's laptop, the projector and five
phones (390×844) at once. Totals hidden below the threshold and shown above it; unreleased
words never in the projector's page; End room wipes every view; the exit works on a phone;
axe finds nothing serious on any view. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ARTIFACTS, EXIT_URL, serving

from peer_support.i18n import t

pytestmark = pytest.mark.browser

TOKEN = "browser-room-code"
PHONE = {"width": 390, "height": 844}
HOSTILE = "<img src=x onerror=__o=1>"  # within the 30-character limit


def serious(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="module")
def base():
    with serving("0.0.0.0", args=("--VoilaConfiguration.preheat_kernel=False",),
                 PACK_TOKEN=TOKEN) as url:
        yield url


@pytest.fixture
def views(browser, base):
    """Separate browser contexts, as separate devices would be; none can reach other hosts."""
    contexts = []

    def device(viewport: dict):
        context = browser.new_context(viewport=viewport, accept_downloads=True)

        def route(route):
            url = route.request.url
            if url.startswith(base) or url.startswith(("data:", "blob:")):
                route.continue_()
            elif url.startswith(EXIT_URL):
                route.fulfill(status=200, content_type="text/html",
                              body="<!DOCTYPE html><title>Weather</title><p>Neutral</p>")
            else:
                route.abort()

        context.route("**/*", route)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield device
    for context in contexts:
        context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    wide = page.viewport_size["width"] > 400
    page.screenshot(path=str(ARTIFACTS / f"room-{name}.png"), full_page=wide)


def start_room(host, base: str, chapter: str) -> str:
    host.goto(f"{base}/room/host?chapter={chapter}")
    host.locator("#room-chapter").focus()
    host.keyboard.press("Tab")  # the language
    host.keyboard.press("Tab")  # Start the room
    host.keyboard.press("Enter")
    host.locator("[data-part=join-url]").wait_for()
    host.wait_for_function("document.querySelector('[data-part=join-url]').textContent")
    join = host.locator("[data-part=join-url]").inner_text()
    return join.split("/room/", 1)[1].split("?", 1)[0]


def host_button(host, question: str, label: str):
    return host.locator(f"[data-question='{question}'] button", has_text=label).first


def join_phones(views, base: str, code: str, count: int) -> list:
    phones = []
    for _ in range(count):
        phone = views(PHONE)
        phone.goto(f"{base}/room/{code}?token={TOKEN}")
        # Joined: waiting for the first question, or already shown the open one.
        ready = re.compile(f"{re.escape(t('room.joined'))}|{re.escape(t('room.question_open'))}")
        phone.locator("[data-part=status]", has_text=ready).wait_for()
        phones.append(phone)
    return phones


def test_a_whole_room_words_reviewed_totals_past_the_threshold_and_wiped(views, base) -> None:
    host = views({"width": 1280, "height": 900})
    code = start_room(host, base, "02_safety")
    screen = views({"width": 1024, "height": 768})
    screen.goto(f"{base}/room/{code}/screen?token={TOKEN}")
    screen.locator(".pack-room-qr svg").wait_for()
    phones = join_phones(views, base, code, 5)
    screen.locator("[data-part=here]", has_text=t("room.here", count=5)).wait_for()
    assert serious(screen) == [] and serious(phones[0]) == [] and serious(host) == []

    # A check-in word: sent from phones, reviewed by the host, only released words shown.
    host_button(host, "check-in-word", t("room.ask")).click()
    sent = ["Hopeful", HOSTILE, "ŵ ŷ 🙂", "tired", "x" * 10_000]
    for phone, word in zip(phones, sent, strict=True):
        phone.locator("#room-words").fill(word)
        phone.locator("#room-words").press("Enter")
    too_long = phones[4].locator("[data-part=words-error]")
    too_long.wait_for()
    assert too_long.inner_text() == t("room.words_too_long", limit=30)
    assert phones[4].locator("#room-words").input_value() == "x" * 10_000  # nothing lost
    assert phones[4].locator("#room-words").get_attribute("aria-invalid") == "true"
    host.locator(".pack-room-queued", has_text="tired").wait_for()
    shot(phones[1], "phone-words")
    shot(host, "host-queue")
    for word in ("Hopeful", HOSTILE, "ŵ ŷ 🙂"):
        host.locator(".pack-room-queue li", has_text=word).get_by_role(
            "button", name=t("room.release")).click()
        host.locator(".pack-room-queue li", has_text=word).wait_for(state="detached")
    host.locator(".pack-room-queue li", has_text="tired").get_by_role(
        "button", name=t("room.leave_out")).click()
    screen_html = screen.content()
    assert "tired" not in screen_html and "Hopeful" not in screen_html
    host_button(host, "check-in-word", t("room.reveal")).click()
    screen.locator(".pack-room-word", has_text="Hopeful").wait_for()
    words = screen.locator(".pack-room-word").all_inner_texts()
    assert HOSTILE in words and "ŵ ŷ 🙂" in words and "tired" not in screen.content()
    assert screen.evaluate("window.__o") is None  # typed HTML is shown, never run
    shot(screen, "screen-words")

    # Agreements: below the threshold the screen says how many more; above it, totals.
    host_button(host, "agreements", t("room.ask")).click()
    for phone in phones[:2]:
        phone.locator("[data-part=choices-form] input[value=agree]").first.check()
        phone.get_by_role("button", name=t("room.send_answer")).click()
        phone.locator("[data-part=choices-form]").wait_for(state="hidden")
    screen.locator("[data-part=asking-count]",
                   has_text=t("room.more_needed", count=1)).wait_for()
    host_button(host, "agreements", t("room.reveal")).click()
    screen.locator("[data-part=showing-wait]",
                   has_text=t("room.more_needed", count=1)).wait_for()
    assert screen.locator(".pack-room-totals").count() == 0
    shot(screen, "screen-waiting")
    host_button(host, "agreements", t("room.ask_again")).click()
    for number, phone in enumerate(phones[:4]):
        phone.locator("[data-part=choices-form] input[type=radio]").first.wait_for()
        phone.locator("[data-part=choices-form] input[value="
                      f"{'agree' if number < 3 else 'pass'}]").first.check()
        phone.get_by_role("button", name=t("room.send_answer")).click()
        phone.locator("[data-part=choices-form]").wait_for(state="hidden")
    host_button(host, "agreements", t("room.reveal")).click()
    first_table = screen.locator(".pack-room-totals").first
    first_table.wait_for()
    rows = first_table.locator("tr").all_inner_texts()
    assert rows[0].replace("\t", " ").split()[-1] == "3"  # three placed it "Yes, for us"
    assert rows[-1].replace("\t", " ").split()[-1] == "1"  # the pass hides among the unplaced
    shot(screen, "screen-totals")
    shot(phones[0], "phone-answered")
    assert phones[0].locator("[data-part=mine] li").count() == 3
    assert serious(screen) == [] and serious(phones[0]) == []

    # End room wipes every view.
    host.get_by_role("button", name=t("room.end")).click()
    host.get_by_role("button", name=t("room.end_yes")).click()
    screen.locator("[data-part=status]", has_text=t("room.ended")).wait_for()
    assert screen.locator(".pack-room-totals").count() == 0
    assert "Hopeful" not in screen.locator("main").inner_text()
    for phone in phones:
        phone.locator("[data-part=carry-on]").wait_for()
        assert phone.locator("[data-part=question]").is_hidden()
    host.locator("[data-part=start-form]").wait_for()
    shot(phones[2], "phone-ended")
    assert all(not page.errors for page in [host, screen, *phones])


def test_the_phone_frame_is_small_and_the_exit_works(views, base) -> None:
    host = views({"width": 1280, "height": 900})
    code = start_room(host, base, "05_language")
    host_button(host, "language-game", t("room.ask")).click()
    (phone,) = join_phones(views, base, code, 1)
    phone.locator("[data-part=items] fieldset").first.wait_for()
    header = phone.locator(".pack-header").bounding_box()
    assert header["height"] <= PHONE["height"] / 4
    exit_button = phone.locator(".pack-exit__button")
    box = exit_button.bounding_box()
    assert exit_button.is_visible() and box["height"] >= 44 and box["y"] + box["height"] <= 844
    for radio in phone.locator(".pack-room-option").all()[:5]:
        assert radio.bounding_box()["height"] >= 44
    phone.mouse.wheel(0, 3000)
    phone.wait_for_timeout(200)
    box = exit_button.bounding_box()
    assert 0 <= box["y"] < 844 and exit_button.is_visible()  # still in reach after scrolling
    shot(phone, "phone-game")
    assert serious(phone) == []
    # Keyboard only: the first word's first choice, then send.
    phone.locator("[data-part=question-title]").focus()
    phone.keyboard.press("Tab")
    phone.keyboard.press("Space")
    assert phone.locator("[data-part=items] input:checked").count() == 1
    exit_button.click()
    phone.wait_for_url(EXIT_URL + "**")
    assert phone.title() == "Weather"
    host.get_by_role("button", name=t("room.end")).click()
    host.get_by_role("button", name=t("room.end_yes")).click()


def test_a_welsh_room_speaks_welsh_on_every_view(views, base) -> None:
    host = views({"width": 1280, "height": 900})
    host.goto(f"{base}/room/host?chapter=11_troubleshooting&lang=cy")
    host.get_by_role("button", name=t("room.start", "cy")).click()
    host.locator("[data-part=join-url]").wait_for()
    host.wait_for_function("document.querySelector('[data-part=join-url]').textContent")
    code = host.locator("[data-part=join-url]").inner_text().split("/room/")[1].split("?")[0]
    host_button(host, "scenarios-1", t("room.ask", "cy")).click()
    phone = views(PHONE)
    phone.goto(f"{base}/room/{code}?token={TOKEN}")
    phone.locator("[data-part=note]", has_text=t("room.no_right_answer", "cy")).wait_for()
    assert phone.evaluate("document.documentElement.lang") == "cy"
    assert phone.get_by_role("button", name=t("room.send_answer", "cy")).is_visible()
    shot(phone, "phone-welsh")
    assert serious(phone) == []
    host.get_by_role("button", name=t("room.end", "cy")).click()
    host.get_by_role("button", name=t("room.end_yes", "cy")).click()


def test_the_facilitator_view_of_a_chapter_links_to_its_room(views, base) -> None:
    page = views({"width": 1024, "height": 768})
    page.goto(f"{base}/voila/render/05_language.ipynb?token={TOKEN}")
    link = page.locator(".pack-room-link a")
    assert link.is_hidden()  # a participant's page never offers it
    page.get_by_role("button", name=t("chrome.facilitator")).click()
    assert link.is_visible()
    link.click()
    page.locator("#room-chapter").wait_for()
    assert page.locator("#room-chapter").input_value() == "05_language"


def test_a_chapter_page_frame_takes_at_most_a_quarter_of_a_phone(views, base, browser) -> None:
    phone = views(PHONE)
    phone.goto(f"{base}/voila/render/05_language.ipynb?token={TOKEN}", timeout=90_000)
    phone.wait_for_selector("#loading", state="detached", timeout=90_000)
    header = phone.locator(".pack-header").bounding_box()
    assert header["y"] + header["height"] <= PHONE["height"] / 4, header
    toggle = phone.get_by_role("button", name=t("chrome.settings_toggle"))
    sizes = phone.locator(".pack-js-text-size")
    assert toggle.is_visible() and sizes.first.is_hidden()
    targets = [phone.locator(".pack-exit__button"), phone.locator(".pack-support__summary"),
               toggle, *phone.locator(".pack-js-language").all()]
    for target in targets:
        assert target.bounding_box()["height"] >= 44
    shot(phone, "chapter-phone-frame")
    # By keyboard: the one control opens the settings, and they work.
    toggle.focus()
    phone.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and sizes.first.is_visible()
    phone.get_by_role("button", name=t("chrome.projector")).click()
    assert phone.evaluate("document.documentElement.classList.contains('pack-projector')")
    shot(phone, "chapter-phone-settings")
    phone.get_by_role("button", name=t("chrome.projector")).click()  # back to normal view
    toggle.click()
    assert sizes.first.is_hidden()
    # The exit stays in reach however far she scrolls.
    phone.mouse.wheel(0, 6000)
    phone.wait_for_timeout(300)
    box = phone.locator(".pack-exit__button").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]
    # Without script the settings stay open (nothing out of reach) and the exit is a link.
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        bare = context.new_page()
        bare.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                   else route.abort())
        bare.goto(f"{base}/voila/render/05_language.ipynb?token={TOKEN}", timeout=90_000,
                  wait_until="domcontentloaded")
        assert bare.locator(".pack-js-text-size").first.is_visible()
        assert bare.locator(".pack-settings-toggle").is_hidden()
        assert bare.locator(".pack-exit__button").get_attribute("href") == EXIT_URL
    finally:
        context.close()
