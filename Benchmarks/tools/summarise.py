#!/usr/bin/env python3
"""Turns the raw wrk outputs of one Benchmarks/run into its table: summarise.py OUT_DIR

Reads OUT_DIR/runs.tsv (transport, mode, path, server, repeat, wrk output file), OUT_DIR/rss.tsv
(transport, server, peak RSS in kB) and OUT_DIR/extra.tsv (key, value); prints the table of
medians, the ratios to the peers and the issue's targets, each marked met or missed.
"""
import csv
import os
import re
import statistics
import sys
from collections import defaultdict

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def latency_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")


def parse_wrk(path: str) -> dict:
    """req/s, p50, p99 (ms) and errors (non-2xx/3xx + socket errors) from `wrk --latency` output."""
    text = open(path).read()
    result = {"rps": float("nan"), "p50": float("nan"), "p99": float("nan"), "errors": 0, "requests": 0}
    if m := re.search(r"Requests/sec:\s+([\d.]+)", text):
        result["rps"] = float(m.group(1))
    if m := re.search(r"(\d+) requests in", text):
        result["requests"] = int(m.group(1))
    for pct, key in (("50", "p50"), ("99", "p99")):
        if m := re.search(rf"^\s+{pct}%\s+(\S+)", text, re.M):
            result[key] = latency_ms(m.group(1))
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text):
        result["errors"] += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text):
        result["errors"] += sum(int(g) for g in m.groups())
    if result["requests"] == 0:
        result["errors"] += 1  # a run that answered nothing is an error, not a zero
    return result


def median(values: list[float]) -> float:
    finite = [v for v in values if v == v]
    return statistics.median(finite) if finite else float("nan")


def ratio(a: float, b: float) -> float:
    return a / b if b and a == a and b == b else float("nan")


def print_baseline(groups, med, by_repeat) -> None:
    """With BASELINE_BIN: each build against the nginx that serves its own bytes, and per repeat
    the ratio of the two ratios. The servers of one repeat ran back to back, so a repeat's ratio of
    ratios cancels most of the machine's drift; its median and range say whether a build fell."""
    if not any(server == "baseline" for (_t, _m, _p, server) in med):
        return
    print()
    print("This build against the baseline build, each over the nginx serving its own bytes")
    print("  (per repeat: (ours / nginx) / (baseline / nginx-baseline); median [min, max])")
    for transport, mode, path in groups:
        ours, base = med.get((transport, mode, path, "ours")), med.get((transport, mode, path, "baseline"))
        ng, ngb = med.get((transport, mode, path, "nginx")), med.get((transport, mode, path, "nginx-baseline"))
        if not (ours and base and ng and ngb):
            continue
        repeats = sorted({k[4] for k in by_repeat if k[:3] == (transport, mode, path)}, key=int)
        paired = []
        for r in repeats:
            cells = [by_repeat.get((transport, mode, path, s, r)) for s in ("ours", "nginx", "baseline", "nginx-baseline")]
            if all(c and c["errors"] == 0 for c in cells):
                paired.append(ratio(ratio(cells[0]["rps"], cells[1]["rps"]), ratio(cells[2]["rps"], cells[3]["rps"])))
        paired = [p for p in paired if p == p]
        spread = f"{median(paired):.3f} [{min(paired):.3f}, {max(paired):.3f}] over {len(paired)}" if paired else "n/a"
        print(
            f"  {transport:<6} {mode:<10} {path:<46} ours/nginx {ratio(ours['rps'], ng['rps']):5.2f}x"
            f"  baseline/nginx {ratio(base['rps'], ngb['rps']):5.2f}x  ratio of ratios {spread}"
        )


def main() -> None:
    out = sys.argv[1]
    runs = defaultdict(list)  # (transport, mode, path, server) -> [parsed]
    by_repeat = {}  # (transport, mode, path, server, repeat) -> parsed
    order = []
    with open(os.path.join(out, "runs.tsv")) as f:
        for transport, mode, path, server, repeat, file in csv.reader(f, delimiter="\t"):
            key = (transport, mode, path, server)
            if key not in runs:
                order.append(key)
            parsed = parse_wrk(os.path.join(out, file))
            runs[key].append(parsed)
            by_repeat[key + (repeat,)] = parsed
    rss = {}
    if os.path.exists(os.path.join(out, "rss.tsv")):
        with open(os.path.join(out, "rss.tsv")) as f:
            for transport, server, kb in csv.reader(f, delimiter="\t"):
                rss[(transport, server)] = int(kb) / 1024
    extra = {}
    if os.path.exists(os.path.join(out, "extra.tsv")):
        with open(os.path.join(out, "extra.tsv")) as f:
            for key, value in csv.reader(f, delimiter="\t"):
                extra[key] = value

    med = {}
    for key in order:
        rs = runs[key]
        med[key] = {
            "rps": median([r["rps"] for r in rs]),
            "p50": median([r["p50"] for r in rs]),
            "p99": median([r["p99"] for r in rs]),
            "errors": sum(r["errors"] for r in rs),
            "n": len(rs),
        }

    header = f"{'transport':<9} {'mode':<10} {'path':<46} {'server':<14} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'peak RSS MB':>11} {'n':>2}"
    print(header)
    print("-" * len(header))
    for key in order:
        transport, mode, path, server = key
        m = med[key]
        peak = rss.get((transport, server), float("nan"))
        print(f"{transport:<9} {mode:<10} {path:<46} {server:<14} {m['rps']:>9.0f} {m['p50']:>8.2f} {m['p99']:>8.2f} {m['errors']:>7} {peak:>11.1f} {m['n']:>2}")

    print()
    print("Ratios (medians): ours/hummingbird and ours/nginx requests/s; p99 ours vs hummingbird")
    groups = sorted({(t, mo, p) for t, mo, p, _ in order}, key=lambda g: [k[:3] for k in order].index(g))
    for transport, mode, path in groups:
        ours = med.get((transport, mode, path, "ours"))
        if not ours:
            continue
        hb = med.get((transport, mode, path, "hummingbird"))
        ng = med.get((transport, mode, path, "nginx"))
        parts = []
        if hb:
            parts.append(f"vs hummingbird {ratio(ours['rps'], hb['rps']):5.2f}x (p99 {ours['p99']:.2f} vs {hb['p99']:.2f} ms)")
        if ng:
            parts.append(f"vs nginx {ratio(ours['rps'], ng['rps']):5.2f}x")
        print(f"  {transport:<6} {mode:<10} {path:<46} " + "  ".join(parts))

    print_baseline(groups, med, by_repeat)

    print()
    print("Targets (issue 7)")

    def check(label: str, ok: bool | None, detail: str) -> None:
        mark = "n/a " if ok is None else ("MET " if ok else "MISS")
        print(f"  [{mark}] {label}: {detail}")

    def get(mode: str, path: str, server: str, transport: str = "plain"):
        return med.get((transport, mode, path, server))

    paths = [p for t, mo, p in groups if t == "plain" and mo == "keep-alive"]
    static = [p for p in paths if "?" not in p and p.startswith("/roles")]
    queries = [p for p in paths if "?" in p]
    for mode, hb_min, ng_min in (("keep-alive", 2.0, 0.7), ("close", 2.0, 0.6)):
        for path in static:
            ours, hb, ng = get(mode, path, "ours"), get(mode, path, "hummingbird"), get(mode, path, "nginx")
            if not ours:
                continue
            if hb:
                r = ratio(ours["rps"], hb["rps"])
                check(f"{mode} {path} >= {hb_min}x hummingbird", r >= hb_min, f"{r:.2f}x")
            if ng:
                r = ratio(ours["rps"], ng["rps"])
                check(f"{mode} {path} >= {ng_min}x nginx", r >= ng_min, f"{r:.2f}x")
    for path in paths:
        ours, hb = get("keep-alive", path, "ours"), get("keep-alive", path, "hummingbird")
        if ours and hb:
            check(f"keep-alive {path} p99 <= hummingbird's", ours["p99"] <= hb["p99"], f"{ours['p99']:.2f} vs {hb['p99']:.2f} ms")
    peak = rss.get(("plain", "ours"))
    if peak is not None:
        check("peak RSS under load <= 32 MB", peak <= 32, f"{peak:.1f} MB")
    static_rps = [get("keep-alive", p, "ours")["rps"] for p in static if get("keep-alive", p, "ours")]
    for path in queries:
        ours = get("keep-alive", path, "ours")
        if ours and static_rps:
            r = ratio(ours["rps"], statistics.mean(static_rps))
            check(f"{path} within 75% of the static ones", r >= 0.75, f"{r:.2f} of their mean")
    if "idle_rss_held_mb" in extra:
        held_rss = float(extra["idle_rss_held_mb"])
        answered = extra.get("idle_probe_status", "").startswith("HTTP/1.1 200")
        check(
            f"{extra.get('idle_held', '?')} idle keep-alive connections under 128 MB, still answering",
            held_rss < 128 and answered,
            f"RSS {held_rss:.1f} MB, probe {extra.get('idle_probe_status', '?')} in {extra.get('idle_probe_ms', '?')} ms, "
            f"held ones alive {extra.get('idle_sample_alive', '?')}",
        )
    elif "idle_error" in extra:
        check("10,000 idle keep-alive connections", False, extra["idle_error"])
    if "startup_ms_ours" in extra:
        ms = float(extra["startup_ms_ours"])
        others = ", ".join(f"{k[len('startup_ms_'):]} {v} ms" for k, v in extra.items() if k.startswith("startup_ms_") and k != "startup_ms_ours")
        check("start-up to first answered request < 100 ms", ms < 100, f"{ms:.1f} ms (median){'; ' + others if others else ''}")
    for key, value in extra.items():
        if key.startswith("note"):
            print(f"  note: {value}")


if __name__ == "__main__":
    main()
