"""Executors: serial, a local process pool, or Dask. They know no stage.

Everything goes through :func:`map_stream` (a pure, picklable function of one item) or
:func:`map_chunks` (a function of a few items at once, for work that batches, such as
``nlp.pipe``): applied to a stream of items, results coming back in batches as they
finish (in any order). At most a few tasks per worker are in flight at once, so memory
stays bounded by the batch size however long the stream, and a caller can commit each
batch as it arrives.

Which executor runs is chosen from the options:

- ``opts.scheduler`` set: Dask distributed. ``"local"`` starts a ``LocalCluster`` with
  ``worker_count(opts)`` single-threaded worker processes; anything else is a scheduler
  address (``tcp://host:8786``) whose workers have dateline installed.
- else ``worker_count(opts) > 1`` and enough items: a local process pool.
- else serial, in this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import AbstractContextManager
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from dateline.errors import EnvironmentProblemError
from dateline.options import Options

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

# Below this many articles a process pool costs more to start than it saves.
MIN_ARTICLES_FOR_POOL = 200
BATCH_SIZE = 64  # results handed back together (the store commits one batch per transaction)
TASK_SIZE = 8  # items per task: amortises pickling and scheduling over a few articles
IN_FLIGHT_PER_WORKER = 4  # tasks queued per worker: keeps workers busy, memory bounded

__all__ = [
    "available_cores",
    "executor_name",
    "map_chunks",
    "map_stream",
    "worker_count",
]


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1  # pragma: no cover - macOS, Windows


def worker_count(opts: Options) -> int:
    """Worker processes: ``opts.workers`` (0: all cores), never more than the cores."""
    cores = available_cores()
    if opts.workers > cores:
        warnings.warn(
            f"--workers {opts.workers} is more than the {cores} cores available; "
            f"using {cores} (more processes would only compete for them)",
            stacklevel=2,
        )
        return cores
    return opts.workers or cores


def executor_name(opts: Options, n_items: int | None = None) -> str:
    """``"dask"``, ``"processes"`` or ``"serial"``: what :func:`map_stream` will use."""
    if opts.scheduler:
        return "dask"
    workers = min(opts.workers or available_cores(), available_cores())  # worker_count, quiet
    if workers > 1 and (n_items is None or n_items >= MIN_ARTICLES_FOR_POOL):
        return "processes"
    return "serial"


def map_stream(
    func: Callable[[T], R],
    items: Iterable[T],
    opts: Options,
    *,
    n_items: int | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[list[R]]:
    """Apply ``func`` to every item; yield the results in batches as they complete.

    ``func`` must be picklable (a module-level function, or a ``functools.partial`` of
    one) for the process and Dask executors. ``items`` is consumed lazily. Results come
    in completion order, not input order. ``n_items`` (when known) lets short runs skip
    starting a pool.
    """
    yield from map_chunks(
        partial(run_chunk, func), items, opts, n_items=n_items, batch_size=batch_size
    )


def map_chunks(
    func: Callable[[list[T]], list[R]],
    items: Iterable[T],
    opts: Options,
    *,
    n_items: int | None = None,
    batch_size: int = BATCH_SIZE,
    task_size: int = TASK_SIZE,
) -> Iterator[list[R]]:
    """Like :func:`map_stream`, but ``func`` takes ``task_size`` items at once and gives
    one result per item: the serial executor calls it on chunks too."""
    name = executor_name(opts, n_items)
    log.debug("running %s over %s items", name, n_items if n_items is not None else "?")
    chunks = _chunks(items, task_size)
    if name == "dask":
        stream = _dask_stream(func, chunks, opts)
    elif name == "processes":
        stream = _pool_stream(func, chunks, worker_count(opts))
    else:
        stream = (result for chunk in chunks for result in func(chunk))
    yield from _batched(stream, batch_size)


def _batched(results: Iterable[R], size: int) -> Iterator[list[R]]:
    batch: list[R] = []
    for result in results:
        batch.append(result)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    """``func`` over a few items (module-level, so workers can unpickle it)."""
    return [func(item) for item in chunk]


PARENT_CHECK_SECONDS = 0.5  # how often a pool worker checks that its parent lives


def exit_with_parent(parent: int) -> None:
    """Pool initializer: a daemon thread ends this worker when ``parent`` is gone (killed
    with SIGKILL, say), so no orphan workers live on."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="dateline-parent-watch", daemon=True).start()


# Work handed to a forked process by key: the child inherits this table, so a closure
# needs no pickling (only its result travels back).
_INHERITED: dict[int, Callable[[], Any]] = {}


def _call_inherited(key: int) -> Any:
    return _INHERITED[key]()


def beside(here: Callable[[], R], there: Callable[[], S], opts: Options) -> tuple[R, S]:
    """``here()`` in this process while ``there()`` runs in a forked one, when the
    options allow two local workers and the platform forks; else one after the other.
    ``there``'s result is pickled back; an error in it is raised here."""
    forks = "fork" in multiprocessing.get_all_start_methods()
    if not forks or opts.scheduler or worker_count(opts) < 2:
        return here(), there()
    key = id(there)
    _INHERITED[key] = there
    try:
        with ProcessPoolExecutor(
            1,
            mp_context=multiprocessing.get_context("fork"),
            initializer=exit_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            future = pool.submit(_call_inherited, key)  # forks now, with the table set
            mine = here()
            theirs: S = future.result()
    finally:
        _INHERITED.pop(key, None)
    return mine, theirs


def _pool_stream(
    func: Callable[[list[T]], list[R]], chunks: Iterator[list[T]], workers: int
) -> Iterator[R]:
    with ProcessPoolExecutor(
        workers, initializer=exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        pending: set[Future[list[R]]] = {
            pool.submit(func, c) for c in islice(chunks, workers * IN_FLIGHT_PER_WORKER)
        }
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield from future.result()
                for chunk in islice(chunks, 1):
                    pending.add(pool.submit(func, chunk))


def _distributed() -> Any:
    """The ``distributed`` module, imported late (it is slow to import) and untyped."""
    import importlib

    return importlib.import_module("distributed")


def _dask_client(opts: Options) -> AbstractContextManager[Any]:
    """A client for the scheduler the options name, or for a fresh local cluster."""
    distributed = _distributed()
    if opts.scheduler == "local":
        cluster = distributed.LocalCluster(
            n_workers=worker_count(opts),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        return _ClosingClient(distributed.Client(cluster), cluster)
    try:
        client = distributed.Client(opts.scheduler)
    except (OSError, TimeoutError) as err:  # refused, timed out, no route to the host
        raise EnvironmentProblemError(
            str(opts.scheduler),
            f"cannot reach the Dask scheduler: {err}",
            "start one ('dask scheduler'), check the address, or leave out --scheduler",
        ) from err
    return _ClosingClient(client, None)


class _ClosingClient(AbstractContextManager[Any]):
    def __init__(self, client: Any, cluster: Any) -> None:
        self.client = client
        self.cluster = cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _dask_stream(
    func: Callable[[list[T]], list[R]], chunks: Iterator[list[T]], opts: Options
) -> Iterator[R]:
    with _dask_client(opts) as client:
        in_flight = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
        pending = _distributed().as_completed()
        for chunk in islice(chunks, in_flight):
            pending.add(client.submit(func, chunk, pure=False))
        for future in pending:
            results = future.result()
            future.release()  # let the scheduler forget it: memory stays bounded
            for chunk in islice(chunks, 1):
                pending.add(client.submit(func, chunk, pure=False))
            yield from results
