"""Voilà, with two fixes the pack needs in a room full of people.

1. **Kernels are released when a page is left.** Voilà's page sends a shutdown request for its
   kernel when it is closed, carrying the ``_xsrf`` cookie as proof that it came from the page.
   Stock Voilà 0.5 never sets that cookie, so every request is refused with
   ``403 '_xsrf' argument missing`` and each visited page leaves a kernel running (voila issue
   #1458). :class:`PackPageHandler` sets the cookie when it serves a page, which is the cause
   fixed, not the symptom. Culling idle kernels (``voila.json``) remains the safety net.
2. **A preheated kernel counts as active from the moment it is handed to a page.** Otherwise a
   kernel that waited in the pool for longer than the culling limit could be culled in the
   second between the page arriving and its connection opening.
3. **Welsh is served as fast as English: each language has its own ready kernels.** A preheated
   kernel draws its page before anyone asks for it, so it cannot read ``?lang=cy`` from the
   request. Beside each page's English pool the pack keeps a pool for every other language
   (``READY_LANGUAGES``), whose kernels start with that language in their ``QUERY_STRING``, so
   they draw the page in Welsh from the start. A page asked for in Welsh is handed a kernel from
   the Welsh pool (the pool's name is the notebook's plus ``#lang=cy``). Another language, or a
   server without preheating, still gets a fresh kernel that reads the language from its URL.
   (The page frame's words come from the same catalogues, through the template partial that
   :mod:`peer_support.server.frame_text` writes.)
4. **The server's front door is the start page.** ``/`` and ``/voila/tree`` would list the
   notebooks folder; they send people to the start page instead, keeping the query (``lang``,
   ``token``).
5. **Pages are light on a phone** (:mod:`peer_support.server.light`): everything the server
   sends is compressed, and files whose address carries their version are kept by the browser
   between chapters. The page itself is never cached: it is one person's page.
6. **Odd paths are not found, never a server error**: the template's file handler answers an
   encoded ``..`` with 404.
7. **The live room's doors** (:mod:`peer_support.room.server`) come before Voilà's.

``python -m peer_support.server.app`` takes the same options as ``python -m voila``;
``python -m peer_support.server.serve`` runs it.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import tornado.web
from jupyter_server._tz import utcnow
from jupyter_server.base.handlers import JupyterHandler
from voila.app import Voila
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from peer_support.i18n import DEFAULT_LANGUAGE, language_from_query
from peer_support.room.server import LOOPBACK, public_url, room_handlers
from peer_support.server import light

START_PAGE = "voila/render/00_start.ipynb"
#: Languages, besides English, that keep ready kernels of their own for every page.
READY_LANGUAGES = ("cy",)
POOL_LANGUAGE = "#lang="


def language_pool(notebook: str, language: str) -> str:
    """The name of ``notebook``'s pool of ready kernels for ``language``."""
    return notebook if language == DEFAULT_LANGUAGE else f"{notebook}{POOL_LANGUAGE}{language}"


def pool_notebook(pool: str) -> tuple[str, str]:
    """The notebook and the language of a pool's name."""
    notebook, _, language = pool.partition(POOL_LANGUAGE)
    return notebook, language or DEFAULT_LANGUAGE


class PackPageHandler(TornadoVoilaHandler):
    """Voilà's page handler, plus the ``_xsrf`` cookie its shutdown request needs, and a ready
    kernel of the page's own language (or a fresh one if that language has no pool)."""

    async def prepare(self) -> None:
        await super().prepare()
        self.xsrf_token  # reading the token sets the _xsrf cookie (tornado)  # noqa: B018

    def should_use_rendered_notebook(self, notebook_data, pool_size, template_name, theme,
                                     request_args) -> bool:
        language = language_from_query(self.request.query)
        if language != DEFAULT_LANGUAGE:
            if language not in READY_LANGUAGES or not pool_size:
                return False
            notebook = self.request.path.rsplit("/voila/render/", 1)[-1]
            pool_size = self.kernel_manager.get_pool_size(language_pool(notebook, language))
        return super().should_use_rendered_notebook(notebook_data, pool_size, template_name,
                                                    theme, request_args)


def add_language_pools(manager) -> None:
    """Give every page a pool of ready kernels in each of ``READY_LANGUAGES``, and fill them.

    Voilà names a pool after its notebook; a language's pool is named ``<notebook>#lang=cy``.
    Its kernels start with ``QUERY_STRING=lang=cy``, as a fresh kernel for ``?lang=cy`` would,
    and draw the notebook that the name points at. Pool sizes come from Voilà's
    ``kernel_pools_config`` under the same names (one kernel unless configured).
    """
    initialize, fill = manager._initialize, manager.fill_if_needed

    async def initialize_notebook(notebook_path, kernel_id=None, **kwargs):
        return await initialize(pool_notebook(notebook_path)[0], kernel_id, **kwargs)

    def fill_if_needed(delay=None, notebook_name=None, extra_kernel_env_variables=None,
                       **kwargs):
        extra = dict(extra_kernel_env_variables or {})
        if notebook_name is not None:
            language = pool_notebook(notebook_name)[1]
            if language != DEFAULT_LANGUAGE:
                extra["QUERY_STRING"] = f"lang={language}"
        return fill(delay=delay, notebook_name=notebook_name,
                    extra_kernel_env_variables=extra, **kwargs)

    manager._initialize = initialize_notebook
    manager.fill_if_needed = fill_if_needed
    for notebook in list(manager._pools):
        if pool_notebook(notebook)[1] == DEFAULT_LANGUAGE:
            for language in READY_LANGUAGES:
                manager.fill_if_needed(delay=0, notebook_name=language_pool(notebook, language))


class StartPageRedirect(JupyterHandler):
    """Send visitors of the folder listing to the start page."""

    def initialize(self, **_ignored) -> None:
        pass

    @tornado.web.authenticated
    def get(self, *_path, **_named) -> None:
        query = {name: self.get_argument(name) for name in ("lang", "token")
                 if self.get_argument(name, None)}
        target = self.base_url + START_PAGE + (f"?{urlencode(query)}" if query else "")
        self.redirect(target)


class PackTemplateStatic(light.VersionedTemplateStatic):
    """The template's files, with an odd path (an encoded ``..``, no ``static/`` part)
    answered 404 instead of the server error Voilà's assertion gives."""

    def parse_url_path(self, path: str) -> str:
        parts = path.split("/", 2)
        if len(parts) < 3 or parts[1] != "static" or ".." in parts[2].split("/"):
            raise tornado.web.HTTPError(404)
        return super().parse_url_path(path)


class PackVoila(Voila):
    """Voilà with the pack's handlers swapped in."""

    def init_settings(self) -> dict:
        light.version_static_url(self)
        settings = super().init_settings()
        settings.update(light.SETTINGS)
        manager = self.kernel_manager
        hand_out = getattr(manager, "get_rendered_notebook", None)  # only with preheating
        if hand_out is not None:

            async def get_rendered_notebook(notebook_name, extra_kernel_env_variables=None,
                                            **kwargs):
                extra = extra_kernel_env_variables or {}
                # The page's language, from the address Voilà passes for the kernel.
                language = language_from_query(urlsplit(extra.get("VOILA_REQUEST_URL", "")).query)
                if language in READY_LANGUAGES:
                    notebook_name = language_pool(notebook_name, language)
                render_task, rendered, kernel_id = await hand_out(
                    notebook_name=notebook_name, extra_kernel_env_variables=extra, **kwargs)
                manager.get_kernel(kernel_id).last_activity = utcnow()
                return render_task, rendered, kernel_id

            manager.get_rendered_notebook = get_rendered_notebook
            add_language_pools(manager)
        return settings

    def init_handlers(self) -> list:
        replacements = {TornadoVoilaHandler: PackPageHandler,
                        TornadoVoilaTreeHandler: StartPageRedirect,
                        **light.HANDLERS, TemplateStaticFileHandler: PackTemplateStatic}
        voila = [(spec[0], replacements.get(spec[1], spec[1]), *spec[2:])
                 for spec in super().init_handlers()]
        # The live room's doors come first, so Voilà's catch-alls never see them.
        rooms, self.room_hub = room_handlers(self.base_url, self.identity_provider.token or "",
                                             public_url(), self.ip not in LOOPBACK)
        return rooms + light.versioned_static_handlers(self) + voila


main = PackVoila.launch_instance

if __name__ == "__main__":
    main()
