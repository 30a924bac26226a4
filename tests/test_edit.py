"""Adapting the pack in JupyterLab (make edit): it starts on this computer with an access code,
and whatever an author runs, a notebook saved through the server is stored clean, with its cell
ids, tags and metadata kept.

The server tests start JupyterLab the way `make edit` does (python -m peer_support.server.edit);
run them under the shared lock (flock /tmp/pack-browser.lock)."""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request

import nbformat
import pytest
from conftest import ARTIFACTS, REPO, editing
from nbclient import NotebookClient

from peer_support.notebook_rules import cell_text, stored_clean_problems, tags
from peer_support.server import edit

CHAPTER = REPO / "notebooks" / "05_language.ipynb"


def api(base: str, token: str, path: str, method: str = "GET", body: dict | None = None):
    request = urllib.request.Request(
        f"{base}{path}", method=method,
        data=None if body is None else json.dumps(body).encode("utf-8"),
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        text = answer.read().decode("utf-8")
        return json.loads(text) if text.strip().startswith(("{", "[")) else text


def run(notebook: dict) -> dict:
    """The notebook after running it in a fresh kernel, outputs and counts included."""
    made = nbformat.reads(json.dumps(notebook), as_version=4)
    NotebookClient(made, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(CHAPTER.parent)}}).execute()
    return json.loads(nbformat.writes(made))


# ---- the save hook on its own ----

def test_save_hook_strips_outputs_and_counts_and_keeps_the_rest() -> None:
    notebook = json.loads(CHAPTER.read_text(encoding="utf-8"))
    ran = run(notebook)
    ran["metadata"]["language_info"] = {"name": "python", "version": "3.11"}
    assert stored_clean_problems(ran, "ran") != []  # the run left outputs to strip
    model = {"type": "notebook", "content": ran}
    edit.save_clean(model=model, path="notebooks/05_language.ipynb")
    assert stored_clean_problems(model["content"], "saved") == []
    kept = model["content"]
    assert [cell["id"] for cell in kept["cells"]] == [cell["id"] for cell in notebook["cells"]]
    assert [tags(cell) for cell in kept["cells"]] == [tags(cell) for cell in notebook["cells"]]
    assert [cell_text(cell) for cell in kept["cells"]] == [
        cell_text(cell) for cell in notebook["cells"]]
    assert kept["metadata"]["title"] == notebook["metadata"]["title"]


def test_save_hook_leaves_other_files_alone() -> None:
    model = {"type": "file", "format": "text", "content": "terms:\n- word\n"}
    edit.save_clean(model=model, path="assets/language/terms.yaml")
    assert model["content"] == "terms:\n- word\n"


def test_edit_command_is_local_with_a_token_and_the_pack_config() -> None:
    command = edit.lab_command(8999, "code123")
    assert "--ServerApp.ip=127.0.0.1" in command
    assert "--IdentityProvider.token=code123" in command
    assert f"--config={edit.CONFIG}" in command and edit.CONFIG.is_file()
    assert edit.edit_url(8999, "code123") == (
        "http://127.0.0.1:8999/lab/tree/notebooks/00_start.ipynb?token=code123")


# ---- JupyterLab started as make edit starts it ----

@pytest.fixture(scope="module")
def lab():
    with editing() as running:
        yield running


def test_lab_answers_only_with_its_token(lab) -> None:
    base, token, log_path = lab
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{base}/api/contents/notebooks", timeout=10)
    assert refused.value.code == 403
    listing = api(base, token, "/api/contents/notebooks")
    assert "05_language.ipynb" in {entry["name"] for entry in listing["content"]}
    assert f"{base}/lab/tree/notebooks/00_start.ipynb?token={token}" in log_path.read_text()


def test_a_run_notebook_saved_through_the_server_is_stored_clean(lab) -> None:
    base, token, _ = lab
    folder = ARTIFACTS / "edit-save"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    target = folder / CHAPTER.name
    shutil.copy(CHAPTER, target)
    where = f"/api/contents/{target.relative_to(REPO).as_posix()}"
    opened = api(base, token, f"{where}?type=notebook&content=1")["content"]
    ran = run(opened)
    assert any(cell.get("outputs") for cell in ran["cells"])
    assert any(cell.get("execution_count") for cell in ran["cells"])
    api(base, token, where, "PUT", {"type": "notebook", "format": "json", "content": ran})
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert stored_clean_problems(saved, target.name) == []
    original = json.loads(CHAPTER.read_text(encoding="utf-8"))
    assert [cell["id"] for cell in saved["cells"]] == [cell["id"] for cell in original["cells"]]
    assert [tags(cell) for cell in saved["cells"]] == [tags(cell) for cell in original["cells"]]
    review = [cell["metadata"].get("review") for cell in original["cells"]]
    assert [cell["metadata"].get("review") for cell in saved["cells"]] == review
    assert any(review)  # the Welsh reviewers' notes are among what was kept


def test_the_authoring_css_and_settings_are_served(lab) -> None:
    base, token, _ = lab
    css = api(base, token, "/custom/custom.css")
    assert ".cell-tag-lang-cy" in css and "white-space: normal" in css
    settings = api(base, token, "/lab/api/settings/@jupyterlab/apputils-extension:notification")
    defaults = settings["schema"]["properties"]  # the pack's overrides.json sets these
    assert defaults["fetchNews"]["default"] == "false"
    assert defaults["checkForUpdates"]["default"] is False


def test_the_preview_address_draws_the_page_frame(lab) -> None:
    base, token, _ = lab
    page = api(base, token, "/voila/render/notebooks/05_language.ipynb")
    assert "pack-exit__button" in page and "Get support" in page
    assert 'href="00_start.ipynb"' in page  # relative links work under notebooks/ too
    for kernel in api(base, token, "/api/kernels"):  # a fetched page never says goodbye
        api(base, token, f"/api/kernels/{kernel['id']}", "DELETE")
