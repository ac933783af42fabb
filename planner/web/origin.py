"""The page answers itself only: a Host that is not this server's and a POST from another
site are refused (403).

A page on localhost is still reachable from any web site the person visits: a site can make
the browser POST a form to http://127.0.0.1:8000/ (cross-site requests), and a site whose
name the attacker points at 127.0.0.1 can read the answers (DNS rebinding). So the Host must
be a localhost name (localhost, 127.0.0.1, [::1]) or the address the server was started on
(with its port), and a POST's Origin (lacking one, its Referer) must be this page. A request
without either header (curl, a script) is not a browser's and is answered.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request

from planner.errors import Problem
from planner.web.context import page
from planner.web.errors import problems_response

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
BOUND = "studyplan.bound"  # app.config: (the names the server listens on, its port)
DEFAULT_PORTS = {"http": 80, "https": 443}
SHOWN = 80  # characters of a refused header quoted back, at most
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def serve_only_itself(app: Flask) -> None:
    app.before_request(_refuse_other_sites)


def set_bound(app: Flask, names: tuple[str, ...], port: int) -> None:
    """What the server listens on: the host as given and as bound, and the port."""
    app.config[BOUND] = (frozenset(_bare(n) for n in names if n), port)


def _refuse_other_sites() -> Response | None:
    host = request.headers.get("Host")
    if host is not None and not _host_allowed(host):
        return _forbidden(f"this page answers only at its own address, not at {_shown(host)}")
    if request.method in SAFE_METHODS:
        return None
    source = request.headers.get("Origin")
    if source is None and request.referrer is not None:
        source = request.referrer
    if source is not None and not _origin_allowed(source):
        return _forbidden(
            f"this page takes answers from itself only, not from {_shown(source)}: another "
            "site may not send it a profile"
        )
    return None


def _host_allowed(host: str) -> bool:
    try:
        parts = urlsplit(f"//{host}")
        return _allowed(parts.hostname, parts.port)
    except ValueError:  # a port that is no number
        return False


def _origin_allowed(origin: str) -> bool:
    try:
        parts = urlsplit(origin)
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return False
    if parts.scheme not in DEFAULT_PORTS:
        return False  # "null" (a sandboxed or file page), or not a web page at all
    return _allowed(parts.hostname, port, exact_port=True)


def _allowed(name: str | None, port: int | None, exact_port: bool = False) -> bool:
    names, bound_port = current_app.config.get(BOUND, (frozenset(), None))
    if name is None:
        return False
    name = _bare(name)
    if not (name in LOCAL_NAMES or name in names or (_wildcard(names) and _is_address(name))):
        return False
    if bound_port is None or (port is None and not exact_port):
        return True
    return port == bound_port


def _wildcard(names: frozenset[str]) -> bool:
    """Listening on every address (0.0.0.0, ::): any of the machine's addresses is its own;
    an address (not a name) cannot be rebound."""
    return bool(names & {"0.0.0.0", "::"})


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _bare(name: str) -> str:
    return name.strip().strip("[]").lower().rstrip(".")


def _shown(text: str) -> str:
    return repr(text if len(text) <= SHOWN else text[: SHOWN - 1] + "…")


def _forbidden(message: str) -> Response:
    if request.method not in SAFE_METHODS or request.path.startswith("/api/"):
        return problems_response([Problem(message)], 403)
    return page("error", 403, code=403, title="Forbidden", message=message)
