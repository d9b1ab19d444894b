"""Evaluation speed of the core engine: 1 region and 1,000 synthetic regions × 31 indicators.

Goal (issue 2): the whole 1,000-region evaluation in under 1 s of core time on
one core. Both runs happen in this process, so the ratio between them is
meaningful even on a noisy machine.

    .venv/bin/python benchmarks/evaluate.py
"""

from __future__ import annotations

import random
import time
from dataclasses import replace
from pathlib import Path

from planwatch.core.dataset import read_dataset
from planwatch.core.plan import PlanYear, evaluate_plan

DATASET = Path(__file__).resolve().parents[1] / "src" / "planwatch" / "data" / "fuling"


def synthetic_regions(plan: PlanYear, count: int, seed: int = 7) -> list[PlanYear]:
    """Copies of the Fuling plan whose observed values are jittered per region."""
    rng = random.Random(seed)
    return [
        replace(
            plan,
            region=f"region-{n}",
            observations=[
                replace(o, value=o.value * rng.uniform(0.5, 1.5)) for o in plan.observations
            ],
        )
        for n in range(count)
    ]


def timed(plans: list[PlanYear], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for plan in plans:
            evaluate_plan(plan)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    data = read_dataset(DATASET)
    fuling = PlanYear("fuling", 2024, data.indicators, data.targets, data.observations)
    many = synthetic_regions(fuling, 1000)
    rows = [("1 region × 31", [fuling]), ("1,000 regions × 31", many)]
    print(f"{'run':<22}{'indicators':>12}{'core time (s)':>16}{'µs / indicator':>16}")
    for label, plans in rows:
        seconds = timed(plans)
        n = sum(len(p.indicators) for p in plans)
        print(f"{label:<22}{n:>12,}{seconds:>16.4f}{seconds / n * 1e6:>16.2f}")
    print("goal: 1,000 regions in < 1 s of core time")


if __name__ == "__main__":
    main()
