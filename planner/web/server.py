"""The waitress server around the app: errors waitress finds itself (a body over its limit,
a request it cannot parse) are answered by the app too, as JSON under /api/, and the body
left unread is read and dropped before the connection closes, so the client reads the
answer instead of a connection reset."""

from __future__ import annotations

import io
import select
import socket
import threading
import time
from typing import Any

import waitress
from flask import Flask
from waitress.channel import HTTPChannel
from waitress.task import WSGITask
from werkzeug.test import EnvironBuilder

from planner.web.context import MAX_BODY, SERVER_ERROR
from planner.web.origin import set_bound

# above the app's own limit, so a body between the two reaches the app and gets its 413;
# a larger one is stopped by waitress, and the app still writes the answer
SERVER_BODY_LIMIT = 16 * MAX_BODY
# after such an answer, what is still coming is read and dropped ("lingering close"), within
# bounds: a client that sends more, or slower, or opens many such connections, is cut off
LINGER_BYTES = 64 * 1024 * 1024
LINGER_SECONDS = 10.0
LINGER_IDLE_SECONDS = 2.0
LINGERING = threading.BoundedSemaphore(8)


class _AppErrorTask(WSGITask):  # type: ignore[misc]
    """Waitress's error, answered by the app as for a bodiless request to the same path."""

    def get_environment(self) -> dict[str, Any]:
        request = self.request
        path = getattr(request, "path", None)
        try:  # waitress's own environ, when the request line and headers were read
            environ: dict[str, Any] = super().get_environment()
        except AttributeError:  # a request waitress could not parse at all
            start = path if isinstance(path, str) and path.startswith("/") else "/"
            environ = EnvironBuilder(path=start).get_environ()
            environ["REMOTE_ADDR"] = str(self.channel.addr[0]) if self.channel.addr else ""
        environ.update(
            {
                "wsgi.input": io.BytesIO(),
                "CONTENT_LENGTH": "0",
                SERVER_ERROR: getattr(request.error, "code", 400),
            }
        )
        return environ

    def execute(self) -> None:
        self.set_close_on_finish()  # the body was never read: the connection cannot go on
        self.channel.linger = True
        super().execute()


class _AppErrorChannel(HTTPChannel):  # type: ignore[misc]
    error_task_class = _AppErrorTask
    linger = False  # set when an answer went out before the request's body was read

    def handle_close(self) -> None:
        """Close; after an early answer, drain what the client still sends on a copy of the
        socket in a thread of its own (the server's loop never waits on it)."""
        copy = None
        if self.linger and self.socket is not None and LINGERING.acquire(blocking=False):
            try:
                copy = self.socket.dup()
            except OSError:
                LINGERING.release()
        super().handle_close()
        if copy is not None:
            threading.Thread(target=_drain_and_close, args=(copy,), daemon=True).start()


def _drain_and_close(sock: socket.socket) -> None:
    """The answer is sent: say so (FIN), read and drop the rest of the body, then close."""
    try:
        sock.setblocking(False)
        sock.shutdown(socket.SHUT_WR)
        read, deadline = 0, time.monotonic() + LINGER_SECONDS
        while read < LINGER_BYTES and time.monotonic() < deadline:
            if not select.select([sock], [], [], LINGER_IDLE_SECONDS)[0]:
                break  # the client went quiet
            data = sock.recv(256 * 1024)
            if not data:
                break  # the client closed its side: all read
            read += len(data)
    except OSError:
        pass  # the client went away: nothing left to do
    finally:
        sock.close()
        LINGERING.release()


def create_server(app: Flask, host: str, port: int, threads: int) -> Any:
    """A waitress server for app; its listening sockets answer errors through the app."""
    server = waitress.create_server(
        app,
        host=host,
        port=port,
        threads=max(1, threads),
        ident="studyplan",
        max_request_body_size=SERVER_BODY_LIMIT,
    )
    for listener in [server, *getattr(server, "map", {}).values()]:
        if hasattr(listener, "channel_class"):
            listener.channel_class = _AppErrorChannel
    set_bound(app, (host, str(getattr(server, "effective_host", ""))), int(server.effective_port))
    return server
