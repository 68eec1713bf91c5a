"""The web app under load: searches and timeline builds against a 2,000-article store.

Usage::

    .venv/bin/python benchmarks/bench_serve.py [--store /tmp/dateline-bench-serve.db]
        [--data ../shared/data/t17-dev] [--concurrency 50]

1. Builds the store once, if it is not there (``dateline add`` of bpoil, egypt and finan
   at ``--workers 1``: 2,028 articles, a few minutes); later runs reuse it.
2. Starts ``dateline serve --read-only`` on a free loopback port, in its own process.
3. Times one timeline per query, one after another (cold: the first also reads the
   corpus from the store; annotations are cached in it by ``add``), then one search
   per query, one after another.
4. Sends ``--concurrency`` searches at once, then as many timeline builds at once (the
   queries of step 3, so the app's cache answers), then both mixed, then searches
   while five timelines not yet cached are built; checks every response (status 200,
   and matches or entries in the page).
5. Prints p50 / p95 / max latency for each round and the server's peak RSS (VmHWM).

Nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "t17-dev"
TOPICS = ("bpoil", "egypt", "finan")
SEARCHES = (
    "oil spill", "BP", "Mubarak", "Tahrir Square", "Lehman Brothers", "Federal Reserve",
    "Gulf of Mexico", "protesters", "bailout", "Obama", "Tony Hayward", "Cairo", "AIG",
    "Goldman Sachs", "army", "stock market", "top kill", "Suleiman", "Paulson", "Louisiana",
    "curfew", "ElBaradei", "Bernanke", "relief well", "Muslim Brotherhood",
)  # fmt: skip
TIMELINES = ("Mubarak", "oil spill", "Lehman Brothers", "Tahrir Square", "Tony Hayward")
FRESH = ("Hosni Mubarak", "BP shares", "AIG", "Suleiman", "relief well")  # not yet cached


def build_store(store: Path, data: Path) -> None:
    folders = [data / topic / "articles" for topic in TOPICS]
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        sys.exit(f"bench_serve: no data at {missing[0]} (give --data)")
    print(f"building {store} from {', '.join(TOPICS)} (workers=1) ...", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "dateline.cli", "add", "--store", str(store), "--workers", "1",
         *map(str, folders)],
        check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    print(f"built in {time.perf_counter() - started:.0f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[float, int, str]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=600) as reply:
            body = reply.read().decode("utf-8")
            status = reply.status
    except urllib.error.HTTPError as err:
        body, status = err.read().decode("utf-8", "replace"), err.code
    return time.perf_counter() - started, status, body


def check_search(status: int, body: str) -> str | None:
    if status != 200:
        return f"status {status}"
    found = re.search(r'id="count">(\d+) article', body)
    if not found or int(found.group(1)) == 0 or "<mark>" not in body:
        return "no match shown"
    return None


def check_timeline(status: int, body: str) -> str | None:
    if status != 200:
        return f"status {status}"
    return None if 'class="entry"' in body else "no entries"


def percentiles(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"p50 {statistics.median(ordered) * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms  "
        f"max {ordered[-1] * 1000:7.0f} ms"
    )


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_round(label: str, jobs: list[tuple[str, str]], base: str, concurrency: int) -> int:
    """``jobs``: (kind, path); the number of failed checks."""

    def one(job: tuple[str, str]) -> tuple[str, float, str | None]:
        kind, path = job
        seconds, status, body = fetch(base + path)
        check = check_search if kind == "search" else check_timeline
        return kind, seconds, check(status, body)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, jobs))
    wall = time.perf_counter() - started
    failures = [(k, problem) for k, _, problem in results if problem]
    for kind in ("search", "timeline"):
        times = [s for k, s, _ in results if k == kind]
        if times:
            print(f"{label:<28}{kind:<9} n={len(times):<3} {percentiles(times)}")
    print(f"{'':<28}wall {wall:.1f} s, {len(failures)} failed checks")
    for kind, problem in failures[:5]:
        print(f"{'':<28}  {kind}: {problem}")
    return len(failures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/dateline-bench-serve.db"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    if not args.store.is_file():
        build_store(args.store, args.data)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline.cli", "serve", "--store", str(args.store),
         "--port", str(port), "--read-only"],
        env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base + "/favicon.ico")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("bench_serve: the server did not start")
                time.sleep(0.2)
        _, _, home = fetch(base + "/")
        articles = re.search(r"<h1>(\d+) articles", home)
        print(f"store {args.store}: {articles.group(1) if articles else '?'} articles; "
              f"load avg {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip
        failed = 0
        print("\none timeline at a time (the first reads the corpus from the store):")
        for query in TIMELINES:
            seconds, status, body = fetch(base + "/timeline?" + urlencode({"q": query}))
            problem = check_timeline(status, body)
            failed += bool(problem)
            entries = body.count('class="entry"')
            print(f"  {query:<20}{seconds * 1000:8.0f} ms  {entries} dates  {problem or 'ok'}")
        search_jobs = [("search", "/search?" + urlencode({"q": q})) for q in SEARCHES]
        search_jobs = (search_jobs * (args.concurrency // len(search_jobs) + 1))[: args.concurrency]
        timeline_jobs = [("timeline", "/timeline?" + urlencode({"q": q})) for q in TIMELINES]
        timeline_jobs = (timeline_jobs * (args.concurrency // len(TIMELINES) + 1))[
            : args.concurrency
        ]
        print("\none request at a time:")
        failed += run_round("searches", search_jobs[: len(SEARCHES)], base, 1)
        print(f"\n{args.concurrency} requests at once:")
        failed += run_round("searches", search_jobs, base, args.concurrency)
        failed += run_round("timelines (cached)", timeline_jobs, base, args.concurrency)
        mixed = [j for pair in zip(search_jobs, timeline_jobs, strict=True) for j in pair]
        failed += run_round("mixed", mixed[: args.concurrency], base, args.concurrency)
        fresh = [("timeline", "/timeline?" + urlencode({"q": q})) for q in FRESH]
        busy = [*fresh, *search_jobs][: args.concurrency]
        failed += run_round("searches + new timelines", busy, base, args.concurrency)
        print(f"\nserver peak RSS {peak_rss_mb(server.pid):.0f} MB; {failed} failed checks")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
