"""Calling a function on many items in worker processes, the results in the
items' order: what ``argmap check`` uses to check many files on every core.

A worker that dies costs only the item it was on (see :func:`ordered`), so a
file that crashes a library, or a worker the system kills, never hangs the
command nor hides the other results.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Sequence
from typing import Any, TypeVar

from argmap.i18n import _

__all__ = ["context", "cores", "ordered"]

T = TypeVar("T")
R = TypeVar("R")


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def context() -> Any:
    """How worker processes start: forking is quickest (the workers start with
    argmap imported), but only safe with no other thread."""
    import multiprocessing

    alone = sys.platform == "linux" and threading.active_count() == 1
    return multiprocessing.get_context("fork" if alone else "spawn")


def _serve(function: Callable[[Any], Any], conn: Any) -> None:
    """A worker process: calls ``function`` on the items it is sent,
    ``[(index, item), …]``, and sends back ``(index, result)`` for each as
    soon as it has it. Ctrl-C is for the main process, which stops the
    workers itself."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        for index, item in batch:
            conn.send((index, function(item)))


class _Worker:
    """A worker process, and the items sent to it that it has not answered yet."""

    def __init__(self, function: Callable[[Any], Any], how: Any) -> None:
        self.conn, theirs = how.Pipe()
        self.process = how.Process(target=_serve, args=(function, theirs), daemon=True)
        self.process.start()
        theirs.close()
        self.given: deque[tuple[int, Any]] = deque()

    def give(self, batch: list[tuple[int, Any]]) -> None:
        self.given.extend(batch)
        with contextlib.suppress(OSError):  # it died: its pipe's end is read next, as for a death at work
            self.conn.send(batch)

    def ending(self) -> str:
        """How the process ended, for a person (in the language in force)."""
        import signal

        self.process.join(5)
        code = self.process.exitcode
        if code is not None and code < 0:
            with contextlib.suppress(ValueError):
                return _("its process was stopped by {signal}").format(signal=signal.Signals(-code).name)
        return _("its process ended with status {status}").format(status=code)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def ordered(
    function: Callable[[T], R], items: Sequence[T], workers: int, failed: Callable[[T, str], R]
) -> Generator[R]:
    """``function`` of each item, computed in ``workers`` processes, in the
    items' order (each as soon as it and those before it are done).

    ``function`` must be picklable (a module's function, or a
    :func:`functools.partial` of one). A worker that dies (killed, out of
    memory, a crash in a library) costs only the item it was on: its result
    is ``failed(item, how the process ended)``, the items it had not started
    go to the others, and a new worker takes its place. Stopping (Ctrl-C,
    SIGTERM, an error writing the output) stops every worker before this
    generator ends.
    """
    from multiprocessing.connection import wait

    how = context()
    # Small batches: few round trips, yet every worker busy to the end.
    size = max(1, min(64, len(items) // (workers * 8)))
    todo: deque[tuple[int, Any]] = deque(enumerate(items))
    results: dict[int, R] = {}
    following = 0
    pool: list[_Worker] = []
    try:
        pool = [_Worker(function, how) for _ in range(workers)]
        while following < len(items):
            for worker in pool:
                if not worker.given and todo:
                    worker.give([todo.popleft() for _ in range(min(size, len(todo)))])
            ready = wait([w.conn for w in pool if w.given])
            for at, worker in enumerate(pool):
                if worker.conn not in ready:
                    continue
                try:
                    index, done = worker.conn.recv()
                except Exception:  # the pipe ended: the worker died
                    index, item = worker.given.popleft()
                    results[index] = failed(item, worker.ending())
                    todo.extendleft(reversed(worker.given))
                    worker.stop()
                    pool[at] = _Worker(function, how)
                    continue
                worker.given.popleft()  # a worker answers in the order it was given
                results[index] = done
            while following in results:
                yield results.pop(following)
                following += 1
    finally:
        for worker in pool:
            worker.stop()
