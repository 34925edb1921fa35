"""Search over a synthetic bank of 100,000 questions (the shipped bank repeated): build time, p50/p95."""

from __future__ import annotations

import dataclasses
import statistics
import time

from app.core.bank import load_bank
from app.core.models import QuestionId
from app.paths import shipped_bank_dir
from app.storage.search_index import SearchIndex

QUERIES = ("写时复制", "调度", "goroutine", "锁", "epoll 惊群", "copy-on-write", "kubernetes pod", "回表")
RESULT_LIMIT = 1000  # the browser shows the best 1,000 matches of a broad query


def measure_search(size: int = 100_000, repeats: int = 20) -> dict[str, float]:
    """Build an index of `size` questions and time every query `repeats` times."""
    shipped = load_bank([shipped_bank_dir()]).questions
    bank = [dataclasses.replace(shipped[i % len(shipped)], id=QuestionId(f"s{i}")) for i in range(size)]
    started = time.perf_counter()
    index = SearchIndex()
    index.replace(bank)
    build_s = time.perf_counter() - started
    times: list[float] = []
    for _ in range(repeats):
        for query in QUERIES:
            t = time.perf_counter()
            index.search(query, limit=RESULT_LIMIT)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {
        "questions": float(size),
        "build_s": build_s,
        "query_p50_ms": statistics.median(times),
        "query_p95_ms": times[int(len(times) * 0.95) - 1],
    }
