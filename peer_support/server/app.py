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
3. **A page asked for in another language gets its own kernel.** A preheated kernel has already
   drawn its page in English before anyone asked for it, so ``?lang=cy`` is served by a fresh
   kernel that reads the language from its URL. (The page frame's words come from the same
   catalogues, through the template partial that :mod:`peer_support.server.frame_text` writes.)
4. **The server's front door is the start page.** ``/`` and ``/voila/tree`` would list the
   notebooks folder; they send people to the start page instead, keeping the query (``lang``,
   ``token``).
5. **Odd paths are not found, never a server error**: the template's file handler answers an
   encoded ``..`` with 404.
6. **The live room's doors** (:mod:`peer_support.room.server`) come before Voilà's.

``python -m peer_support.server.app`` takes the same options as ``python -m voila``;
``python -m peer_support.server.serve`` runs it.
"""

from __future__ import annotations

from urllib.parse import urlencode

import tornado.web
from jupyter_server._tz import utcnow
from jupyter_server.base.handlers import JupyterHandler
from voila.app import Voila
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from peer_support.i18n import DEFAULT_LANGUAGE, language_from_query
from peer_support.room.server import LOOPBACK, public_url, room_handlers

START_PAGE = "voila/render/00_start.ipynb"


class PackPageHandler(TornadoVoilaHandler):
    """Voilà's page handler, plus the ``_xsrf`` cookie its shutdown request needs, and a fresh
    kernel for a page asked for in a language other than English."""

    async def prepare(self) -> None:
        await super().prepare()
        self.xsrf_token  # reading the token sets the _xsrf cookie (tornado)  # noqa: B018

    def should_use_rendered_notebook(self, notebook_data, pool_size, template_name, theme,
                                     request_args) -> bool:
        if language_from_query(self.request.query) != DEFAULT_LANGUAGE:
            return False
        return super().should_use_rendered_notebook(notebook_data, pool_size, template_name,
                                                    theme, request_args)


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


class PackTemplateStatic(TemplateStaticFileHandler):
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
        settings = super().init_settings()
        manager = self.kernel_manager
        hand_out = getattr(manager, "get_rendered_notebook", None)  # only with preheating
        if hand_out is not None:

            async def get_rendered_notebook(*args, **kwargs):
                render_task, rendered, kernel_id = await hand_out(*args, **kwargs)
                manager.get_kernel(kernel_id).last_activity = utcnow()
                return render_task, rendered, kernel_id

            manager.get_rendered_notebook = get_rendered_notebook
        return settings

    def init_handlers(self) -> list:
        replacements = {TornadoVoilaHandler: PackPageHandler,
                        TornadoVoilaTreeHandler: StartPageRedirect,
                        TemplateStaticFileHandler: PackTemplateStatic}
        voila = [(spec[0], replacements.get(spec[1], spec[1]), *spec[2:])
                 for spec in super().init_handlers()]
        # The live room's doors come first, so Voilà's catch-alls never see them.
        rooms, self.room_hub = room_handlers(self.base_url, self.identity_provider.token or "",
                                             public_url(), self.ip not in LOOPBACK)
        return rooms + voila


main = PackVoila.launch_instance

if __name__ == "__main__":
    main()
