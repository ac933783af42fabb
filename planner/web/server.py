"""The waitress server around the app: errors waitress finds itself (a body over its limit,
a request it cannot parse) are answered by the app too, as JSON under /api/."""

from __future__ import annotations

import io
from typing import Any

import waitress
from flask import Flask
from waitress.channel import HTTPChannel
from waitress.task import WSGITask
from werkzeug.test import EnvironBuilder

from planner.web.context import MAX_BODY, SERVER_ERROR

# above the app's own limit, so a body between the two reaches the app and gets its 413;
# a larger one is stopped by waitress, and the app still writes the answer
SERVER_BODY_LIMIT = 16 * MAX_BODY


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
        super().execute()


class _AppErrorChannel(HTTPChannel):  # type: ignore[misc]
    error_task_class = _AppErrorTask


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
    return server
