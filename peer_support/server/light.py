"""Light pages: what the pack's server does so a chapter costs a phone little to open.

Measured before these changes (README, "Performance in a room"), each chapter sent about 4.4 MB
over the wire, uncompressed, and most of Voilà's front end again on every chapter. Here:

1. **Everything is compressed** (gzip), the page as it streams in and every script and style
   sheet. A file that does not change (every static file) is compressed once and kept in
   memory, so thirty phones opening a chapter cost the laptop one compression, not thirty.
2. **Files whose address carries their version are kept by the browser** for a year, marked
   ``immutable`` so it does not even ask again: the template's files (``?v=<hash>``), the
   widget extensions' hashed chunks (``remoteEntry.<hash>.js``, ``84.<hash>.js``), and Voilà's
   own front end, whose files carry no version of their own: the pack serves them under
   ``/voila/static/v-<version>/``, the version being a digest of the installed files.
   Anything without a version keeps Voilà's and jupyter_server's headers (the browser asks
   again, and gets a short "not modified" reply). The page itself stays ``no-store``: it is
   one person's page, with her kernel in it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import OrderedDict
from pathlib import Path

from jupyter_server.base.handlers import FileFindHandler
from jupyter_server.utils import url_path_join
from tornado.httputil import HTTPHeaders
from tornado.web import GZipContentEncoding
from voila.static_file_handler import MultiStaticFileHandler, TemplateStaticFileHandler

IMMUTABLE = "public, max-age=31536000, immutable"
#: A file name that carries a content hash, as webpack writes them: ``remoteEntry.1a2b3c4d.js``.
HASHED_NAME = re.compile(r"[.-][0-9a-f]{8,}\.(js|css|woff2?|svg|png)$")
STATIC_PREFIX = "v-"


class CachedGZip(GZipContentEncoding):
    """Tornado's gzip for every response, keeping the compressed bytes of unchanging files.

    A response is kept when it is a whole file (status 200, no range) that names its version
    (an ``Etag`` or ``Last-Modified``) and may be stored; the page itself (``no-store``) is
    always compressed afresh as it streams. The key is the address and that version, so a
    changed file is never answered from memory.
    """

    LIMIT_BYTES = 64 * 1024 * 1024
    _kept: OrderedDict[tuple, bytes] = OrderedDict()
    _kept_bytes = 0

    def __init__(self, request) -> None:
        super().__init__(request)
        self._uri = request.uri
        self._key: tuple | None = None
        self._parts: list[bytes] | None = None
        self._answered = False

    def _key_for(self, status_code: int, headers: HTTPHeaders) -> tuple | None:
        version = (headers.get("Etag"), headers.get("Last-Modified"))
        if (status_code != 200 or not self._gzipping or version == (None, None)
                or "Content-Range" in headers or "Content-Encoding" in headers
                or "no-store" in headers.get("Cache-Control", "")):
            return None
        ctype = headers.get("Content-Type", "").split(";")[0]
        if not self._compressible_type(ctype):
            return None
        return (self._uri, *version, headers.get("Content-Length"))

    def transform_first_chunk(self, status_code: int, headers: HTTPHeaders, chunk: bytes,
                              finishing: bool) -> tuple[int, HTTPHeaders, bytes]:
        self._key = self._key_for(status_code, headers)
        kept = CachedGZip._kept.get(self._key) if self._key else None
        if kept is not None:
            CachedGZip._kept.move_to_end(self._key)
            headers["Vary"] = (headers["Vary"] + ", " if "Vary" in headers else "") + \
                "Accept-Encoding"
            headers["Content-Encoding"] = "gzip"
            if finishing:
                headers["Content-Length"] = str(len(kept))
            else:
                headers.pop("Content-Length", None)
            self._answered = True
            return status_code, headers, kept
        status_code, headers, chunk = super().transform_first_chunk(status_code, headers,
                                                                    chunk, finishing)
        if self._key is not None and self._gzipping:
            self._parts = [chunk]
            if finishing:
                self._keep()
        return status_code, headers, chunk

    def transform_chunk(self, chunk: bytes, finishing: bool) -> bytes:
        if self._answered:
            return b""  # the whole file went with the first chunk
        chunk = super().transform_chunk(chunk, finishing)
        if self._parts is not None:
            self._parts.append(chunk)
            if finishing:
                self._keep()
        return chunk

    def _keep(self) -> None:
        body = b"".join(self._parts or [])
        self._parts = None
        cls = CachedGZip
        if self._key in cls._kept or len(body) > cls.LIMIT_BYTES // 4:
            return
        cls._kept[self._key] = body
        cls._kept_bytes += len(body)
        while cls._kept_bytes > cls.LIMIT_BYTES:
            _, dropped = cls._kept.popitem(last=False)
            cls._kept_bytes -= len(dropped)


#: Tornado settings for the pack's app. Giving ``transforms`` replaces tornado's own gzip.
SETTINGS = {"compress_response": True, "transforms": [CachedGZip]}


class VersionedTemplateStatic(TemplateStaticFileHandler):
    """The template's files: those asked for with ``?v=<hash>`` are kept for good."""

    def set_extra_headers(self, path: str) -> None:
        super().set_extra_headers(path)
        if "v" in self.request.arguments:
            self.set_header("Cache-Control", IMMUTABLE)


class VersionedLabextensions(FileFindHandler):
    """The front-end extensions: files whose name carries their hash are kept for good."""

    def set_headers(self) -> None:
        super().set_headers()
        if HASHED_NAME.search(self.request.path):
            self.set_header("Cache-Control", IMMUTABLE)


class VersionedVoilaStatic(MultiStaticFileHandler):
    """Voilà's front end under ``/voila/static/v-<version>/``, kept for good."""

    def set_extra_headers(self, path: str) -> None:
        super().set_extra_headers(path)
        self.set_header("Cache-Control", IMMUTABLE)


#: Voilà's handlers that the pack replaces with the ones above.
HANDLERS = {TemplateStaticFileHandler: VersionedTemplateStatic,
            FileFindHandler: VersionedLabextensions}


def static_version(paths: list[str]) -> str:
    """A digest of the files in Voilà's static folders (names, sizes and times)."""
    digest = hashlib.sha256()
    for root in paths:
        for folder, _dirs, files in sorted(os.walk(root)):
            for name in sorted(files):
                stat = (Path(folder) / name).stat()
                digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def version_static_url(app) -> None:
    """Make pages load Voilà's front end from its versioned address (a page-config hook).

    Must run before Voilà builds its kernel manager, which takes the hook when it is made.
    """
    app.pack_static_version = static_version(app.static_paths)
    earlier = app.voila_configuration.page_config_hook

    def hook(page_config: dict, **kwargs) -> dict:
        if earlier is not None:
            page_config = earlier(page_config, **kwargs)
        page_config["fullStaticUrl"] = url_path_join(
            kwargs["base_url"], "voila/static", STATIC_PREFIX + app.pack_static_version)
        return page_config

    app.voila_configuration.page_config_hook = hook


def versioned_static_handlers(app) -> list[tuple]:
    """The route for Voilà's front end at its versioned address."""
    prefix = re.escape(STATIC_PREFIX + app.pack_static_version)
    return [(url_path_join(app.server_url, rf"/voila/static/{prefix}/(.*)"),
             VersionedVoilaStatic, {"paths": app.static_paths, "default_filename": None})]
