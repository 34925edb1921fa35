"""Start-up benchmark: MockExam against the bare-Qt floor, interleaved in one run, reported as ratios."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT.parent / "shared" / "bench" / "qt_floor.py"
RESULTS = ROOT / "bench" / "results"


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from exec to exit, and the child's own peak RSS in MB (os.wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return wall, usage.ru_maxrss / 1024


def summarise(samples: list[float]) -> dict[str, float]:
    """Median, min and max of the kept samples."""
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples)}


def main() -> int:
    """Run the rounds, print the table, write bench/results/latest.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()
    if not FLOOR.is_file():
        print(f"bench: the Qt floor script is missing: {FLOOR}", file=sys.stderr)
        return 2
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["MOCKEXAM_HOME"] = tempfile.mkdtemp(prefix="mockexam-bench-")
    subjects = {
        "qt_floor": [sys.executable, str(FLOOR)],
        "startup": [sys.executable, "-m", "app", "--quit-after-shown"],
    }
    samples: dict[str, dict[str, list[float]]] = {k: {"wall_s": [], "rss_mb": []} for k in subjects}
    for round_no in range(args.rounds + args.warmup):
        for name, command in subjects.items():  # interleaved: floor, app, floor, app, ...
            wall, rss = measure(command, env)
            if round_no >= args.warmup:
                samples[name]["wall_s"].append(wall)
                samples[name]["rss_mb"].append(rss)
    report = {
        name: {metric: summarise(values) for metric, values in data.items()} for name, data in samples.items()
    }
    floor, app = report["qt_floor"], report["startup"]
    ratios = {metric: app[metric]["median"] / floor[metric]["median"] for metric in ("wall_s", "rss_mb")}
    print(f"{'figure':<22}{'median':>10}{'min':>10}{'max':>10}{'x floor':>10}")
    for name in subjects:
        for metric in ("wall_s", "rss_mb"):
            row = report[name][metric]
            ratio = f"{ratios[metric]:.2f}x" if name == "startup" else "1.00x"
            label = f"{name} {metric}"
            print(f"{label:<22}{row['median']:>10.3f}{row['min']:>10.3f}{row['max']:>10.3f}{ratio:>10}")
    from search import measure_search  # bench/search.py, beside this script

    search = measure_search()
    print(f"search over {int(search['questions']):,} questions: index build {search['build_s']:.1f} s, "
          f"query p50 {search['query_p50_ms']:.1f} ms, p95 {search['query_p95_ms']:.1f} ms")  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "rounds": args.rounds, "python": sys.version.split()[0], "figures": report, "ratios": ratios,
        "search": search,
    }  # fmt: skip
    (RESULTS / "latest.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
