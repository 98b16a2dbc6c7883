"""Aggregating 1,000 updates of a 1,000,000-parameter model: time and peak memory of each strategy, one table.

Run: PYTHONPATH=backend:gen/python .venv/bin/python bench/federated.py [clients] [parameters]

The updates come from a pool of distinct random vectors already in memory, so the figures are the strategies'
own cost, not reading updates from the database. Peak memory is what numpy allocated during the aggregation
(tracemalloc; numpy reports its buffers to it), beyond the inputs; "x model" is that over one model's float32 size.
"""

import sys
import time
import tracemalloc
from collections.abc import Iterator

import numpy as np

from brain.federated.strategies import Strategy, StrategyOptions, Update, combine

POOL = 16


def updates(pool: np.ndarray, clients: int) -> Iterator[Update]:
    """Streamed as the database hands them over: one at a time, each a view into the pool."""
    for i in range(clients):
        yield Update(pool[i % POOL], float(10 + i % 7))


def measure(strategy: Strategy, pool: np.ndarray, clients: int) -> tuple[float, int]:
    tracemalloc.start()
    started = time.perf_counter()
    combine(strategy, updates(pool, clients), pool.shape[1], StrategyOptions())
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def main(clients: int, parameters: int) -> None:
    pool = np.random.default_rng(0).normal(size=(POOL, parameters)).astype(np.float32)
    model_mib = parameters * 4 / 2**20
    print(f"{clients} updates x {parameters:,} parameters ({model_mib:.1f} MiB per model)")
    print(f"{'strategy':<14}{'time s':>10}{'peak MiB':>12}{'x model':>10}")
    for strategy in Strategy:
        elapsed, peak = measure(strategy, pool, clients)
        print(f"{strategy.value:<14}{elapsed:>10.2f}{peak / 2**20:>12.1f}{peak / 2**20 / model_mib:>10.1f}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3])) if len(sys.argv) > 1 else main(1000, 1_000_000)
