"""Serve the local web page: answer the questions in a browser and download your plan.

The page listens on 127.0.0.1:8000 by default, so only this computer can reach it.
POST /api/plan takes a profile (JSON, YAML or form fields; YAML sent without its content
type is recognised) and returns the PDF (?format=json|md|ics for the other formats).
Stop it with Ctrl-C.

Any web site you visit could make your browser call a page on this computer. So the page
answers only at its own address: the Host must be localhost, 127.0.0.1, [::1] or the
address given with --host (with its port), which stops a site whose name points at this
computer (DNS rebinding) from reading plans; and a POST from a page of another site (its
Origin, or lacking one its Referer) is refused with 403. Scripts that send neither header
(curl) are answered as before.
"""

from __future__ import annotations

import argparse
import ipaddress
import sys

from planner.errors import UserError

LOOPBACK_NAMES = ("localhost",)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this computer only)",
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=8000,
        help="port to listen on (default: 8000; 0 picks a free one)",
    )
    parser.add_argument(
        "--threads", type=int, default=4, help="requests served at the same time (default: 4)"
    )


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number 0-65535: {text!r}")
    return port


def run(args: argparse.Namespace) -> int:
    from planner.web import create_app
    from planner.web.server import create_server

    app = create_app()
    try:
        server = create_server(app, args.host, args.port, args.threads)
    except OSError as exc:
        raise UserError(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}; "
            f"is another server using it? try --port {args.port + 1}"
        ) from None
    print(
        f"studyplan is serving the questionnaire at {_address(server, args)}  (Ctrl-C to stop)",
        flush=True,
    )
    if not _is_loopback(args.host):
        print(
            "warning: the page has no login; anyone who can reach this address can use it",
            file=sys.stderr,
            flush=True,
        )
    try:
        server.run()
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
    finally:
        server.close()
    return 0


def _address(server: object, args: argparse.Namespace) -> str:
    """The URL to open; with --port 0 the port is the one the system picked."""
    host = str(getattr(server, "effective_host", args.host))
    port = getattr(server, "effective_port", args.port)
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
