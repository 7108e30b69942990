"""``argmap serve FILE``: the map as a web page that redraws itself each time
the file is saved.

The page (:func:`argmap.drawing.html.to_html` with ``live=True``) asks the
server for ``/version`` every half second; when the text has changed it
fetches ``/fragment``, a JSON object with the new inner HTML of
``main#argmap`` or, when the map does not load, its located errors
(``file:line:col: message``, in the language chosen as everywhere else);
the last good diagram then stays on the page, greyed.

A watcher thread (watchfiles) watches the file's folder, not the file, so
that an editor that saves by writing a new file and renaming it over the
old one is followed too; it also compares the file's size and times four times
a second, in case the system reports no change. The version changes only
when what the page shows changes.

The server listens on this computer only (127.0.0.1) unless ``--host``
names another address (a warning says that other computers can then see
the map). It answers GET of exactly ``/``, ``/version`` and ``/fragment``
(any other path 404, any other method 405) and never serves another file.
Listening on this computer, it answers only requests addressed to this
computer (the Host header), so that a web site cannot read the map through
a name of its own that points at 127.0.0.1.

Imports of the library and of the web server happen inside the functions,
so that ``argmap --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from argmap.cli import _common
from argmap.cli._common import (
    lang_option,
    max_bytes,
    max_size_option,
    notes_option,
    preset_option,
    say,
    warning_lines,
)
from argmap.i18n import N_, _, choose, current, using

if TYPE_CHECKING:
    from http.server import ThreadingHTTPServer


#: argmap.drawing.PRESETS, named here so that --help needs no import of the library.

#: The addresses of this computer: listening on them shows the map to no one else.
_LOOPBACK_NAMES = ("localhost",)

#: Seconds between two looks at the file's size and times (the watcher's timeout).
_LOOK_EVERY = 0.25

#: Non-greedy: a text of the map is escaped in it, so the first </main> closes it.

#: What the page may do: its own inline script and style, data: images, and
#: asking this server for /version and /fragment. Nothing from elsewhere.
_PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@_common.command(
    help=N_(
        "Show the map FILE as a web page that redraws itself each time the file is saved.\n\n"
        "Prints the address of the page; open it in a web browser (--open opens it). The page shows "
        "the diagram, the checks' findings and an outline of the argument. When the saved file has a "
        "mistake, the page lists each one with its line and keeps the last good diagram, greyed, "
        "until the file is corrected.\n\n"
        "FILE must load when the server starts (else its errors are printed and argmap exits with 2). "
        "The server listens on this computer only, unless --host names another address; Ctrl-C "
        "stops it (exit 130)."
    )
)
@click.argument("file", type=_common.Path(dir_okay=True))
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=0,
    show_default=True,
    metavar="PORT",
    help=N_("Port to listen on (0: any free port)."),
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="ADDRESS",
    help=N_(
        "Address to listen on. Any address but this computer's (127.0.0.1, localhost, ::1) "
        "lets other computers on the network see the map."
    ),
)
@click.option("--open", "open_browser", is_flag=True, help=N_("Open the page in the web browser."))
@click.option("--no-findings", is_flag=True, help=N_("Do not run the checks; show the map alone."))
@notes_option()
@preset_option(
    N_("Sizes of the drawing: screen; projector (large text and thick lines for a classroom screen); print.")
)
@lang_option()
@max_size_option("map files")
def command(  # noqa: PLR0917 (click passes the options by name)
    file: str,
    port: int,
    host: str,
    open_browser: bool,
    no_findings: bool,
    notes: bool,
    preset: str,
    lang: str | None,
    max_size: float,
) -> None:
    """Serve the map FILE as a live web page (see the help above)."""
    preview = Preview(
        file,
        lang=_common.asked_lang(lang),
        max_bytes=max_bytes(max_size),
        findings=not no_findings,
        preset=preset,
        notes=notes,
    )
    # A file that cannot be read (missing, a folder) is reported by the
    # command group, as for every command; a map with mistakes is shown with them.
    preview.start()
    server = _listen(host, port, preview)
    try:
        with preview.watching():
            url = _url(host, server.server_address[1])
            if not _is_loopback(host):
                say(
                    _(
                        "argmap serve: warning: listening on {host}: other computers on the network "
                        "can see this map"
                    ).format(host=host),
                    err=True,
                )
            say(_("argmap serve: {url} (Ctrl-C stops)").format(url=url))
            if open_browser:
                _open(url)
            server.serve_forever(poll_interval=0.25)
    finally:
        server.server_close()


class Preview:
    """The page and fragment of a map file as it is now, and the version
    that names them: made by :meth:`start`, then by :meth:`refresh` on each
    change of the file; read by the server's threads."""

    def __init__(
        self,
        file: str,
        *,
        lang: str | None = None,
        max_bytes: int = 64 * 1024 * 1024,
        findings: bool = True,
        preset: str = "screen",
        notes: bool = False,
    ) -> None:
        self.file = file
        self.lang = lang
        #: The language in force where the preview was made (the group's
        #: --lang, else the locale's): a thread starts with none of its own.
        self.base = current()
        self.max_bytes = max_bytes
        self.findings = findings
        self.preset = preset
        self.notes = notes
        self._lock = threading.Lock()
        self._token = secrets.token_hex(4)
        self._count = 0
        self._version = ""
        #: The page served at /: the last map that loaded, with the version it
        #: was made for (an older one when the map no longer loads: the page
        #: then asks for the fragment at once), or the errors when no map has loaded yet.
        self._page = ""
        self._drawn = False  # _page is a map, not the errors
        self._inner = ""  # the inner HTML of main#argmap in _page
        self._errors: list[str] | None = None  # why the map does not load now
        self._seen: tuple[int, ...] | None = None  # the file's identity, size and times when last read
        #: The warnings last printed about what the file's format (Argdown, AIF) holds that argmap cannot show.
        self._warnings: list[str] = []
        self._stop = threading.Event()

    # ------------------------------------------------------------ reading

    @property
    def version(self) -> str:
        with self._lock:
            return self._version

    def page(self) -> str:
        """The whole page (see ``_page``)."""
        with self._lock:
            return self._page

    def fragment(self) -> dict[str, Any]:
        """What the page swaps in: ``{"version", "html"}`` or ``{"version", "errors"}``."""
        with self._lock:
            if self._errors is not None:
                return {"version": self._version, "errors": list(self._errors)}
            return {"version": self._version, "html": self._inner}

    # ----------------------------------------------------------- building

    def start(self) -> None:
        """Show the map for the first time. A file that cannot be read (not
        there, a folder, too large) raises its error; a map with mistakes is
        shown as its errors, which are printed too."""
        from argmap.formats import read

        if not os.path.isfile(self.file):
            with using(self.base):
                read(self.file, max_bytes=self.max_bytes, lang=self.lang)  # raises why
        self.refresh()
        with self._lock:
            errors = self._errors
        for line in errors or ():
            say(line, err=True)

    def refresh(self) -> bool:
        """Draw the map again, or show why it does not load; True when what
        the page shows has changed (and so has the version)."""
        from argmap.drawing.escape import printable
        from argmap.errors import ArgmapException

        seen = _identity(self.file)
        version = f"{self._token}-{self._count + 1}"  # if this changes what is shown
        try:
            return self._show(self._draw(version), None, seen, version)
        except ArgmapException as exc:
            errors = [printable(line) for line in exc.lines("argmap serve")]
        except Exception as exc:  # a failure of argmap itself: shown, and the watcher goes on
            with using(self.base):
                why = _("argmap could not draw the map: {why}").format(why=f"{type(exc).__name__}: {exc}")
            errors = [printable(f"argmap serve: {why}")]
        return self._show(None, errors, seen, version)

    def _draw(self, version: str) -> tuple[str, str]:
        """The page of the map as it is now and its ``main#argmap``'s inner
        HTML; raises why it does not load."""
        from argmap.checks import Config, check
        from argmap.drawing import RenderOptions
        from argmap.drawing.html import page_and_inner
        from argmap.formats import read

        with using(self.base):
            imported = read(self.file, max_bytes=self.max_bytes, lang=self.lang)
            warnings = warning_lines(imported.warnings)
            if warnings != self._warnings:  # printed once, not on every redraw
                self._warnings = warnings
                for line in warnings:
                    say(line, err=True)
            amap = imported.map
            with using(choose(self.lang, amap.lang) if (self.lang or amap.lang) else None) as chosen:
                findings = check(amap, config=Config.discover(), lang=chosen) if self.findings else []
                options = RenderOptions.from_preset(self.preset, notes=self.notes)
                return page_and_inner(amap, findings, options, lang=chosen, live=True, version=version)

    def _show(
        self,
        drawn: tuple[str, str] | None,
        errors: list[str] | None,
        seen: tuple[int, ...] | None,
        version: str,
    ) -> bool:
        """Show ``drawn`` (a map's page and its inner HTML) or ``errors``, as
        ``version`` if that changes what is shown."""
        page, inner = drawn if drawn is not None else (None, "")
        if errors is not None and not self._drawn:
            page = self._error_page(errors, version)
        with self._lock:
            self._seen = seen
            if errors is None:
                if self._drawn and self._errors is None and inner == self._inner:
                    return False
                self._drawn, self._inner = True, inner
            elif errors == self._errors:
                return False
            self._errors = errors
            if page is not None:
                self._page = page
            self._count += 1
            self._version = version
            return True

    def _error_page(self, errors: list[str], version: str) -> str:
        """The page for a map that has not loaded yet: its errors, in the map's language."""
        from argmap.drawing.html import error_page
        from argmap.formats import format_for, message_language

        lang = self.lang
        if lang is None:
            with contextlib.suppress(OSError, ValueError), open(self.file, "rb") as f:
                lang = message_language(f.read(min(self.max_bytes, 1 << 20)), format_for(self.file))
        with using(self.base):
            return error_page(errors, version, lang=lang)

    # ----------------------------------------------------------- watching

    @contextlib.contextmanager
    def watching(self) -> Iterator[None]:
        """Redraw the map on each change of the file while the block runs."""
        ready = threading.Event()
        thread = threading.Thread(target=self._watch, args=(ready,), name="argmap-watch", daemon=True)
        thread.start()
        ready.wait(timeout=5)
        try:
            yield
        finally:
            self._stop.set()

    def _watch(self, ready: threading.Event) -> None:
        from watchfiles import watch

        path = os.path.abspath(self.file)
        folder, name = os.path.split(path)

        def ours(_change: object, changed: str) -> bool:
            return os.path.basename(changed) == name

        try:
            for changes in watch(
                folder,
                watch_filter=ours,
                recursive=False,
                step=50,
                rust_timeout=int(_LOOK_EVERY * 1000),
                yield_on_timeout=True,
                stop_event=self._stop,
                raise_interrupt=False,
            ):
                ready.set()  # the first answer comes once the folder is watched
                with self._lock:
                    seen = self._seen
                if changes or _identity(self.file) != seen:
                    self.refresh()
        except Exception as exc:  # the folder went away, or the system refused to watch it
            if not self._stop.is_set():
                with using(self.base):
                    say(
                        _("argmap serve: {file}: changes are no longer followed: {why}").format(
                            file=self.file, why=exc
                        ),
                        err=True,
                    )
        finally:
            ready.set()


def _identity(path: str) -> tuple[int, ...] | None:
    """What changes when the file is written or replaced, or None when it is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


# ------------------------------------------------------------------ server


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url(host: str, port: int) -> str:
    shown = host.strip("[]")
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


def _listen(host: str, port: int, preview: Preview) -> ThreadingHTTPServer:
    """A server for ``preview`` on ``host``:``port``, listening but not yet answering."""
    import socket
    from http.server import ThreadingHTTPServer

    from argmap.errors import ArgmapError, Problem
    from argmap.fileio import os_reason

    address = host.strip("[]")

    class Server(ThreadingHTTPServer):
        address_family = socket.AF_INET6 if ":" in address else socket.AF_INET
        daemon_threads = True
        #: The Host headers answered (None: any).
        allowed_hosts: frozenset[str] | None = None

    try:
        server = Server((address, port), _handler(preview))
    except (OSError, OverflowError) as exc:
        why = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        message = _("cannot listen on {address}: {why}").format(address=_url(host, port), why=why)
        raise ArgmapError([Problem(message)]) from None
    if _is_loopback(host):
        port = server.server_address[1]
        names = {"localhost", "127.0.0.1", "[::1]", f"[{address}]" if ":" in address else address.lower()}
        allowed = {f"{name}:{port}" for name in names}
        if port == 80:  # a browser leaves out the port of http
            allowed.update(names)
        server.allowed_hosts = frozenset(allowed)
    return server


def _handler(preview: Preview) -> Any:
    """The request handler class: GET of /, /version and /fragment."""
    from http.server import BaseHTTPRequestHandler

    class Handler(BaseHTTPRequestHandler):
        server_version = "argmap"
        sys_version = ""
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            allowed: frozenset[str] | None = getattr(self.server, "allowed_hosts", None)
            if allowed is not None and self.headers.get("Host", "").lower() not in allowed:
                self._send(403, b"403 Forbidden\n", "text/plain; charset=utf-8")
                return
            # The target as sent (self.path has "//" made "/"), without its query.
            words = self.requestline.split()
            path = words[1].partition("?")[0] if len(words) > 1 else ""
            if path == "/":
                body = preview.page().encode("utf-8")
                self._send(200, body, "text/html; charset=utf-8", policy=True)
            elif path == "/version":
                self._send(200, preview.version.encode("ascii"), "text/plain; charset=utf-8")
            elif path == "/fragment":
                body = json.dumps(preview.fragment(), ensure_ascii=False).encode("utf-8")
                self._send(200, body, "application/json; charset=utf-8")
            else:
                self._send(404, b"404 Not Found\n", "text/plain; charset=utf-8")

        def _refuse(self) -> None:
            self._send(405, b"405 Method Not Allowed\n", "text/plain; charset=utf-8", allow=True)

        def __getattr__(self, name: str) -> Callable[[], None]:
            # Every method but GET (POST, PUT, HEAD, ...) is refused.
            if name.startswith("do_"):
                return self._refuse
            raise AttributeError(name)

        def _send(
            self, status: int, body: bytes, content_type: str, *, policy: bool = False, allow: bool = False
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            if policy:
                self.send_header("Content-Security-Policy", _PAGE_POLICY)
            if allow:
                self.send_header("Allow", "GET")
            if status >= 400:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the page asks twice a second: no line for each request

    return Handler


def _open(url: str) -> None:
    """Open ``url`` in the web browser, without waiting for it."""
    import webbrowser

    threading.Thread(target=webbrowser.open, args=(url,), name="argmap-open", daemon=True).start()
