"""Who hears of each PDF page as it is drawn: a front end's progress on a long plan.

A context variable rather than a parameter, so the renderers and the steps between a front
end and them keep their signatures; a thread or process that sets no listener hears nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

PageListener = Callable[[int], None]  # called with the number of the page just drawn

_listener: ContextVar[PageListener | None] = ContextVar("page_listener", default=None)


@contextmanager
def reporting_pages(listener: PageListener) -> Iterator[None]:
    """Within the block, listener hears the number of every PDF page drawn."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


def page_drawn(number: int) -> None:
    listener = _listener.get()
    if listener is not None:
        listener(number)
