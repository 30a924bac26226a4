"""Tests for kit.rota: a box per role per session, a printable copy holding exactly the
names typed (used by the Leadership chapter's shared roles)."""

from pathlib import Path

import yaml
from conftest import decoded_link, write_yaml
from IPython.display import HTML

from peer_support import content
from peer_support.i18n import t
from peer_support.kit.handout import Handout
from peer_support.kit.rota import ROTA, ROTA_NAME_LIMIT, Rota, rota

ROLES = "leadership/roles.yaml"
IMG = '<img src=x onerror="alert(1)">'
WELSH = "Siân ŵ ŷ \U0001F4AA"


REAL = content.ASSETS_DIR  # read before any test points the pack at a temporary folder


def real(name: str):
    return yaml.safe_load((REAL / name).read_text(encoding="utf-8"))


def sections(handout: Handout) -> list[tuple[str, list[str]]]:
    return [(section.heading, section.items) for section in handout.filled_sections]


def is_error_block(block: object, name: str) -> bool:
    return isinstance(block, HTML) and 'role="alert"' in block.data and name in block.data


def make_rota() -> Rota:
    return Rota(ROTA.load(ROLES))


def test_rota_real_roles() -> None:
    loaded = ROTA.load(ROLES)
    sessions, roles = loaded.sessions, loaded.roles
    assert [r.id for r in roles] == ["opener", "timekeeper", "welcomer", "closer"]
    assert sessions >= 1


def test_rota_has_a_labelled_box_per_role_per_session() -> None:
    rota = make_rota()
    assert len(rota.boxes) == rota.sessions * len(rota.roles)
    assert rota.boxes[(2, "timekeeper")].description == t(
        "rota.field", session=2, role="Timekeeper")


def test_rota_download_holds_exactly_the_names_typed() -> None:
    rota = make_rota()
    rota.fill(1, "opener", "Sam")
    rota.fill(1, "closer", " J.K. ")
    rota.set_when(1, "3 March")
    rota.fill(3, "welcomer", WELSH)
    handout = rota.handout()
    assert sections(handout)[1:] == [
        ("Session 1: 3 March", ["Opener: Sam", "Closer: J.K."]),
        ("Session 3", [f"Welcomer: {WELSH}"]),
    ]
    assert sections(handout)[0][0] == t("rota.roles_heading")


def test_rota_with_no_names_offers_nothing() -> None:
    rota = make_rota()
    rota.set_when(2, "Tuesday")
    assert rota.handout() == t("rota.empty")
    assert rota.download.prepare() is None


def test_rota_too_long_waits_names_box_and_cuts_nothing() -> None:
    rota = make_rota()
    rota.fill(1, "opener", "Sam")
    rota.fill(2, "closer", "x" * 10_000)
    assert rota.handout() == t("handout.waiting")
    assert t("rota.field", session=2, role="Closer") in rota.status.message
    assert len(rota.boxes[(2, "closer")].value) == 10_000
    rota.fill(2, "closer", "x" * ROTA_NAME_LIMIT)
    assert isinstance(rota.handout(), Handout)
    assert rota.status.message == ""


def test_rota_hostile_names_stay_text() -> None:
    rota = make_rota()
    rota.fill(1, "opener", IMG[:ROTA_NAME_LIMIT])
    rota.download.prepare()
    page = decoded_link(rota.download.links.value, "html")
    assert "<img" not in page and "&lt;img" in page


def test_rota_clear_empties_every_box() -> None:
    rota = make_rota()
    rota.fill(1, "opener", "Sam")
    rota.set_when(1, "Monday")
    rota.download.prepare()
    rota.clear_button.click()
    assert all(box.value == "" for box in [*rota.boxes.values(), *rota.when_boxes.values()])
    assert rota.download.links.value == ""
    assert rota.status.message == t("rota.cleared")


def test_rota_bad_sessions_gives_error_block(assets: Path) -> None:
    data = real(ROLES)
    data["sessions"] = 0
    write_yaml(assets, ROLES, data)
    block = rota(ROLES)
    assert is_error_block(block, "leadership/roles.yaml") and "sessions" in block.data


