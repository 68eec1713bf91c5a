"""The HTML report in headless Chromium: page height, file size, where the timeline starts.

    .venv/bin/python benchmarks/bench_report.py CORPUS[+CORPUS...] ... [--width 1280]

Each CORPUS is a pickled ``dateline.model.Corpus`` (annotated with the briefing stages,
as ``build_corpus(..., stages=BRIEFING_STAGES)`` returns it); ``a.pkl+b.pkl`` reads two
as one story (egypt and h1n1 together: 673 articles). The briefing is built in-process,
the report written to a temporary folder and opened at WIDTH x 900 px: its height as
first shown (scripts run, long lists collapsed), the top of the first timeline entry,
the height with every list open (print media, which opens everything), the file size,
and the seconds to render and to load. Needs ``/usr/bin/chromium`` and playwright.
"""

from __future__ import annotations

import argparse
import pickle
import tempfile
import time
from pathlib import Path
from typing import Any

from dateline.briefing.build import build_briefing
from dateline.model import Corpus, RunReport
from dateline.options import Options
from dateline.render.html import render_html

CHROMIUM = "/usr/bin/chromium"


def load(spec: str) -> Corpus:
    parts = []
    for name in spec.split("+"):
        with Path(name).open("rb") as f:
            parts.append(pickle.load(f))
    if len(parts) == 1:
        corpus: Corpus = parts[0]
        return corpus
    return Corpus(
        articles=tuple(a for c in parts for a in c.articles),
        annotations={k: v for c in parts for k, v in c.annotations.items()},
        report=RunReport(tuple(r for c in parts for r in c.report.inputs)),
    )


def measure(browser: Any, path: Path, width: int) -> dict[str, int]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    loaded = time.perf_counter() - start
    height = page.evaluate("document.documentElement.scrollHeight")
    entry = page.evaluate(
        "() => { const e = document.querySelector('details.entry');"
        " return e ? Math.round(e.getBoundingClientRect().top) : -1; }"
    )
    page.emulate_media(media="print")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    everything = page.evaluate("document.documentElement.scrollHeight")
    page.close()
    return {
        "height": height,
        "entry": entry,
        "all_open": everything,
        "load_ms": round(loaded * 1000),
        "errors": len(errors),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="+", help="pickled corpora, a+b for one story")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(
        "corpus                 articles  dates  height px  1st entry  all open px"
        "  MB    render s  load ms  errors"
    )
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for spec in args.corpora:
            briefing = build_briefing(load(spec), Options(workers=1))
            start = time.perf_counter()
            html = render_html(briefing)
            rendered = time.perf_counter() - start
            path = Path(tmp) / "report.html"
            path.write_text(html, encoding="utf-8")
            m = measure(browser, path, args.width)
            name = "+".join(Path(s).stem for s in spec.split("+"))
            print(
                f"{name:22} {len(briefing.sources):8} {len(briefing.timeline.entries):6} "
                f"{m['height']:10} {m['entry']:10} {m['all_open']:12} "
                f"{len(html.encode()) / 1e6:5.2f} {rendered:9.1f} {m['load_ms']:8} {m['errors']:7}"
            )
        browser.close()


if __name__ == "__main__":
    main()
