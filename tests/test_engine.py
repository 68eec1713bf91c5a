"""Executors: serial, process pool and Dask give the same results, in bounded batches."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from dateline import engine, pipeline
from dateline.ingest import load_articles
from dateline.model import Annotations, Article, StageFailure
from dateline.options import Options
from dateline.progress import Progress, format_eta, terminal_wanted
from dateline.store import open_store
from tests.builders import SYRIA, make_article


def square(x: int, offset: int = 0) -> int:
    return x * x + offset


@pytest.fixture(scope="module")
def syria() -> list[Article]:
    return load_articles([SYRIA]).articles


def test_executor_choice_follows_options() -> None:
    assert engine.executor_name(Options(workers=1)) == "serial"
    assert engine.executor_name(Options(workers=2), n_items=10) == "serial"
    assert engine.executor_name(Options(workers=2), n_items=1000) == "processes"
    assert engine.executor_name(Options(workers=1, scheduler="local")) == "dask"


@pytest.mark.parametrize("workers", [1, 2])
def test_map_stream_gives_every_result_in_bounded_batches(workers: int) -> None:
    batches = list(
        engine.map_stream(
            partial(square, offset=1), range(300), Options(workers=workers), batch_size=50
        )
    )
    assert all(len(b) <= 50 for b in batches)
    assert sorted(r for b in batches for r in b) == [x * x + 1 for x in range(300)]


def test_map_stream_consumes_its_input_lazily() -> None:
    pulled: list[int] = []

    def items() -> Iterator[int]:
        for x in range(10_000):
            pulled.append(x)
            yield x

    stream = engine.map_stream(square, items(), Options(workers=2), batch_size=10)
    next(stream)
    # a few tasks per worker in flight, not the whole input
    assert len(pulled) < 2 * engine.TASK_SIZE * engine.IN_FLIGHT_PER_WORKER + 100
    stream.close()


def test_annotate_all_records_failures_without_stopping(syria: list[Article]) -> None:
    broken = make_article("broken", "Some text here.", None)
    object.__setattr__(broken, "text", None)  # a bug in a stage, simulated
    found, failures = pipeline.annotate_all([*syria, broken], Options(workers=1))
    assert set(found) == {a.id for a in syria}
    assert {(f.article_id, f.stage) for f in failures} == {
        ("broken", "sentences"),
        ("broken", "timex"),
    }


def test_process_pool_matches_serial(syria: list[Article]) -> None:
    many = syria * 50  # over MIN_ARTICLES_FOR_POOL, so the pool really runs
    many = [a.__class__(**{**a.__dict__, "id": f"{a.id}-{i}"}) for i, a in enumerate(many)]
    serial = pipeline.annotate_all(many, Options(workers=1))
    pooled = pipeline.annotate_all(many, Options(workers=2))
    assert pooled == serial


def test_dask_local_cluster_matches_serial(syria: list[Article], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        opts = Options(workers=1, scheduler=cluster.scheduler_address)
        found, failures = pipeline.annotate_all(syria, opts)
        with open_store(tmp_path / "c.db") as db:  # ingest + annotate on the workers
            added = db.add([SYRIA], opts)
            stored = db.corpus(Options(workers=1))
    assert len(added.new) == added.annotated == len(syria)
    assert stored.articles == tuple(syria) and stored.annotations == found
    assert failures == []
    assert found == pipeline.annotate_all(syria, Options(workers=1))[0]
    assert all(isinstance(a, Annotations) for a in found.values())


def test_run_stages_returns_failures_as_values() -> None:
    article = make_article("a", "Text.", None)
    object.__setattr__(article, "text", 42)
    [(article_id, parts)] = pipeline.run_stages([article], Options(), pipeline.TIMELINE_STAGES)
    assert article_id == "a" and all(isinstance(p, StageFailure) for p in parts)


def test_engine_knows_no_stage() -> None:
    source = Path(engine.__file__).read_text(encoding="utf-8")
    assert "dateline.pipeline" not in source and "Annotations" not in source


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    pipe, tty = io.StringIO(), FakeTerminal()
    assert not terminal_wanted(pipe) and terminal_wanted(tty)
    for stream in (pipe, tty):
        with Progress(10, show=True, stream=stream, quiet_for_s=0) as bar:
            bar.advance(10)
    assert pipe.getvalue() == ""
    assert "10/10 articles" in tty.getvalue()
    monkeypatch.setenv("CI", "true")
    assert not terminal_wanted(FakeTerminal())


def test_progress_line_has_rate_and_eta() -> None:
    bar = Progress(100, show=False)
    bar.advance(25)
    assert "25/100 articles" in bar.line() and "ETA" in bar.line()
    assert format_eta(3725) == "1:02:05" and format_eta(65) == "01:05"


def test_workers_are_capped_at_the_cores_with_a_warning() -> None:
    cores = engine.available_cores()
    with pytest.warns(UserWarning, match=f"using {cores}"):
        assert engine.worker_count(Options(workers=1000)) == cores
    assert engine.worker_count(Options(workers=0)) == cores


def test_pool_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    """A parent running a process pool is killed with SIGKILL: its workers follow."""
    if engine.available_cores() < 2:
        pytest.skip("a pool needs two cores")
    script = (
        "import time\n"
        "from dateline.engine import map_stream\n"
        "from dateline.options import Options\n"
        "for _ in map_stream(time.sleep, [60] * 8, Options(workers=2)): pass\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        workers = _wait_for_children(parent.pid, 2)
    finally:
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "orphan pool workers live on"


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _wait_for_children(pid: int, count: int) -> list[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        children = _children(pid)
        if len(children) >= count:
            time.sleep(0.5)  # let the initializers start their watchers
            return _children(pid)
        time.sleep(0.05)
    raise AssertionError("the pool did not start")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_beside_runs_the_second_part_in_another_process() -> None:
    import os

    here, there = engine.beside(os.getpid, os.getpid, Options(workers=2))
    if engine.available_cores() >= 2:
        assert here == os.getpid() and there != here  # forked: its own process
    serial = engine.beside(os.getpid, os.getpid, Options(workers=1))
    assert serial == (os.getpid(), os.getpid())


def test_beside_raises_the_other_process_error_here() -> None:
    def boom() -> int:
        raise ValueError("in the other process")

    with pytest.raises(ValueError, match="in the other process"):
        engine.beside(lambda: 1, boom, Options(workers=2))
