"""Tests for kit.check_in: a 0 to 10 scale with Pass and gentle replies by band, keeping
nothing (the Safety chapter's "how safe does this space feel today?")."""

from pathlib import Path

import pytest
import yaml
from conftest import load_error, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.i18n import t
from peer_support.kit.check_in import CHECK_IN, Band, CheckIn, CheckInFile, check_in
from peer_support.kit.handout import DownloadPanel

REAL = content.ASSETS_DIR


def real(name: str) -> dict:
    return yaml.safe_load((REAL / "safety" / name).read_text(encoding="utf-8"))


def made_check_in() -> CheckIn:
    return CheckIn(CheckInFile(
        question="How safe?", hint="0 to 10", pass_message="Fine to pass.",
        bands=[Band(0, 3, "Low reply."), Band(4, 6, "Middle reply."), Band(7, 10, "High reply.")]))


@pytest.mark.parametrize(("score", "reply"), [
    (0, "Low reply."), (3, "Low reply."), (4, "Middle reply."), (6, "Middle reply."),
    (7, "High reply."), (10, "High reply."),
])
def test_check_in_replies_by_band(score: int, reply: str) -> None:
    made = made_check_in()
    made.rate(score)
    assert made.score == score
    assert made.message() == reply
    assert made.reply.message == f"{t('choice.noted', label=str(score))} {reply}"


def test_check_in_pass_is_allowed_and_answers_gently() -> None:
    made = made_check_in()
    made.rate("pass")
    assert made.passed is True
    assert made.score is None
    assert made.message() == "Fine to pass."


def test_check_in_buttons_work_like_rate() -> None:
    made = made_check_in()
    made.scale.buttons["2"].click()
    assert made.score == 2
    made.scale.buttons["pass"].click()
    assert made.passed


def test_check_in_has_eleven_numbers_and_pass() -> None:
    assert list(made_check_in().scale.buttons) == [str(n) for n in range(11)] + ["pass"]


@pytest.mark.parametrize("bad", [-1, 11, 2.5, "3", True, None])
def test_check_in_refuses_scores_outside_the_scale(bad) -> None:
    with pytest.raises(ValueError):
        made_check_in().rate(bad)


def test_check_in_before_any_answer_has_no_reply() -> None:
    made = made_check_in()
    assert made.message() is None and made.score is None and not made.passed


def test_check_in_clear_forgets_the_answer() -> None:
    made = made_check_in()
    made.rate(1)
    made.clear()
    assert made.score is None and made.message() is None
    assert made.reply.message == t("check_in.cleared")


def descendants(widget) -> list:
    found = []
    for child in getattr(widget, "children", ()):
        found += [child, *descendants(child)]
    return found


def test_check_in_offers_no_download_and_stores_nothing() -> None:
    made = made_check_in()
    made.rate(2)
    assert made.download is None
    assert not any(isinstance(part, DownloadPanel) for part in descendants(made))
    assert made.handout() == ""  # nothing to download


def test_load_check_in_reads_the_real_file() -> None:
    loaded = CHECK_IN.load("safety/check-in.yaml")
    assert [(b.low, b.high) for b in loaded.bands] == [(0, 3), (4, 6), (7, 10)]
    assert "pass" in loaded.hint


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d["bands"].pop(), "cover every score"),
    (lambda d: d["bands"][0].update(high=4), "cover every score"),
    (lambda d: d["bands"][0].update(low=-1), "Band 1 needs 'low' as a whole number from 0 to 10"),
    (lambda d: d["bands"][1].update(low=7, high=5), "Band 2 needs 'low' no bigger than 'high'"),
    (lambda d: d.pop("pass_message"), "needs 'pass_message'"),
    (lambda d: d["bands"][2].pop("message"), "Band 3 needs 'message'"),
])
def test_broken_check_in_file_names_file_and_problem(assets: Path, change, problem) -> None:
    data = real("check-in.yaml")
    change(data)
    path = write_yaml(assets, "safety/check-in.yaml", data)
    error = load_error(lambda: CHECK_IN.load(path))
    assert error.path.endswith("safety/check-in.yaml")
    assert problem in error.problem
    assert isinstance(check_in(path), HTML)

