"""How fast the app stays on a large map: a generated 500-node map (450 statements, 50 evidence).

1. Server side (AppTest, no browser): the Map page's rerun time — a plain rerun, selecting another
   node, and adding a counterargument through the form. Goal: ≤ 150 ms a rerun (median).
2. In the browser (Debian's Chromium, the app started with ``streamlit run``): the time from
   navigation until the map is drawn (a map this large opens folded to its top levels), and the
   time to unfold it to all 500 nodes. Goal: ≤ 2.5 s to the map visible.

Prints the figures; asserts nothing. Run: ``.venv/bin/python bench/bench_app.py [--no-browser]``.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from argmap.formats import native
from argmap.model import ArgumentMap, Attack, Evidence, Inference, Source, Span, Statement

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "streamlit_app.py"
EXAMPLE = "democrats-voter-data"  # the app opens this name on first start
WORDS = ["voters", "data", "party", "campaign", "privacy", "trust", "money", "lists", "buyers", "retailers"]


def build(statements: int = 450, evidence: int = 50) -> ArgumentMap:
    """A tree of ``statements`` claims (3 reasons each, every 10th an objection) with a source text."""
    sentences = []
    for n in range(statements):
        words = " ".join(WORDS[(n * 7 + k) % len(WORDS)] for k in range(9))
        sentences.append(f"Claim {n} says that {words} matter here.")
    text, spans = "", []
    for sentence in sentences:
        start = len(text)
        text += sentence + " "
        spans.append(Span(start=start, end=start + len(sentence), text=sentence))
    stmts = [Statement(id=f"s{n + 1}", text=sentences[n], span=spans[n]) for n in range(statements)]
    infs, attacks = [], []
    for n in range(1, statements):
        parent = f"s{(n - 1) // 3 + 1}"
        if n % 10 == 0:
            attacks.append(Attack(id=f"a{len(attacks) + 1}", source=f"s{n + 1}", target=parent))
        else:
            infs.append(Inference(id=f"i{len(infs) + 1}", premises=(f"s{n + 1}",), conclusion=parent))
    evs = [
        Evidence(
            id=f"e{k + 1}",
            target=f"s{k * 7 % statements + 1}",
            kind="statistic",
            text=f"Figure {k}: {k * 3}%",
        )
        for k in range(evidence)
    ]
    return ArgumentMap(
        id="bench",
        title="A 500-node map",
        source=Source(title="Generated", text=text),
        statements=tuple(stmts),
        inferences=tuple(infs),
        attacks=tuple(attacks),
        evidence=tuple(evs),
    )


CHART = '[data-testid="stGraphVizChart"] svg'


def _median_ms(samples: list[float]) -> str:
    med, top = statistics.median(samples) * 1000, max(samples) * 1000
    return f"median {med:6.1f} ms, max {top:6.1f} ms (n={len(samples)})"


def _stats(samples: list[float]) -> str:
    med, top = statistics.median(samples), max(samples)
    return f"median {med:.2f} s, max {top:.2f} s (n={len(samples)}, first visit included)"


def server_side(store: Path, rounds: int = 15) -> None:
    from streamlit.testing.v1 import AppTest

    os.environ["ARGMAP_STORE"] = str(store)
    t0 = time.perf_counter()
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    first = time.perf_counter() - t0
    assert not at.exception, at.exception
    print(f"  first run (imports, load, draw): {first * 1000:7.1f} ms")

    plain, select, add = [], [], []
    for n in range(rounds):
        t0 = time.perf_counter()
        at.run()
        plain.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        at.selectbox(key=f"node_picker_v{at.session_state['argmap_version']}").select(
            f"s{n * 13 % 400 + 2}"
        ).run()
        select.append(time.perf_counter() - t0)
        at.text_area(key="attack_text").input(f"Objection number {n}.")
        t0 = time.perf_counter()
        at.button(key="attack_submit").click().run()
        add.append(time.perf_counter() - t0)
        assert not at.exception, at.exception
    print(f"  rerun, nothing changed:        {_median_ms(plain)}")
    print(f"  rerun, select another node:    {_median_ms(select)}")
    print(f"  rerun, add a counterargument:  {_median_ms(add)}")
    print("  goal: <= 150 ms a rerun")


def check_page(store: Path, rounds: int = 9) -> None:
    """The Check page on the same map: its first visit (checks and audit worked out), then reruns
    (kept per map version: a rerun shows the open tab only, and the findings a page of nodes at a
    time), choosing a finding to highlight, and opening the Ratings tab. CPU time: on a shared machine
    the steadier figure (AppTest's own parsing of the page included)."""
    from streamlit.testing.v1 import AppTest

    os.environ["ARGMAP_STORE"] = str(store)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    c0 = time.process_time()
    at.switch_page("src/argmap/app/views/check.py").run()
    first = time.process_time() - c0
    assert not at.exception, at.exception
    plain, pick, tab = [], [], []
    for n in range(rounds):
        c0 = time.process_time()
        at.run()
        plain.append(time.process_time() - c0)
        c0 = time.process_time()
        at.selectbox(key="check_finding").set_value(n * 7).run()
        pick.append(time.process_time() - c0)
        at.session_state["check_tab"] = "Ratings" if n % 2 == 0 else "Findings"
        c0 = time.process_time()
        at.run()
        tab.append(time.process_time() - c0)
        assert not at.exception, at.exception
    print(f"  first visit (checks + audit):  {first * 1000:7.1f} ms CPU")
    print(f"  rerun, nothing changed:        {_median_ms(plain)} CPU")
    print(f"  rerun, highlight a finding:    {_median_ms(pick)} CPU")
    print(f"  rerun, switch tab:             {_median_ms(tab)} CPU")
    print("  goal: <= 150 ms a rerun")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser(store: Path, nodes: int, rounds: int = 5) -> None:
    from playwright.sync_api import sync_playwright

    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, "ARGMAP_STORE": str(store)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                time.sleep(0.1)
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            visible, after_load, titled, drawn, full, shown = [], [], [], [], [], 0
            for _ in range(rounds):
                ctx = b.new_context(viewport={"width": 1440, "height": 1000})
                page = ctx.new_page()
                t0 = time.perf_counter()
                page.goto(url)  # returns at the page's load event
                loaded = time.perf_counter()
                page.wait_for_selector("h1", timeout=120_000)  # our script has started drawing the page
                title = time.perf_counter()
                page.wait_for_selector(f"{CHART} g.node", timeout=120_000)
                visible.append(time.perf_counter() - t0)
                after_load.append(time.perf_counter() - loaded)
                titled.append(title - loaded)
                drawn.append(time.perf_counter() - title)
                shown = page.locator(f"{CHART} g.node").count()
                # Unfold it all: View options → Depth 0, until every node is drawn.
                page.get_by_text("View options", exact=True).first.click()
                box = page.get_by_label("Depth (0 = all)")
                box.fill("0")
                t1 = time.perf_counter()
                box.press("Enter")
                page.wait_for_function(
                    f"n => document.querySelectorAll('{CHART} g.node').length >= n",
                    arg=nodes,
                    timeout=120_000,
                )
                full.append(time.perf_counter() - t1)
                ctx.close()
            b.close()
        print(f"  navigation start -> map visible ({shown} nodes, opened folded): {_stats(visible)}")
        print(f"  page load event  -> map visible:                           {_stats(after_load)}")
        print(f"    of which: load event -> page title shown:                {_stats(titled)}")
        print(f"              title shown -> map drawn (Graphviz in the page): {_stats(drawn)}")
        print(f"  unfold to all {nodes} nodes (Depth 0) -> drawn:                {_stats(full)}")
        print(
            "  goal: <= 2.5 s from page load to the map visible (a new browser context each time: cold cache)"
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    amap = build()
    nodes = len(amap.statements) + len(amap.evidence)
    store = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    try:
        (store / f"{EXAMPLE}.json").write_text(native.dumps(amap), encoding="utf-8")
        print(f"Map: {len(amap.statements)} statements + {len(amap.evidence)} evidence = {nodes} nodes, "
              f"{len(amap.inferences)} inferences, {len(amap.attacks)} attacks")  # fmt: skip
        print("Server side (AppTest, Map page):")
        server_side(store)
        print("Server side (AppTest, Check page):")
        check_page(store)
        if "--no-browser" not in sys.argv:
            (store / f"{EXAMPLE}.json").write_text(native.dumps(amap), encoding="utf-8")
            print("Browser (Chromium):")
            browser(store, nodes)
    finally:
        shutil.rmtree(store, ignore_errors=True)


if __name__ == "__main__":
    main()
