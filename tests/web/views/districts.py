"""Copies of the demo's register as other districts' (or more of Fuling's) dataset directories.

Project and problem codes get a prefix of their own (or keep Fuling's: codes are
unique within a region only), so a copy loads beside the demo through the same
loader (:func:`planwatch.web.projects.demo.load_year`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from planwatch.cli.plan import DEMO_DATASET

COPIED = ("departments.csv", "projects-2025.csv", "progress-2025.csv")
PROBLEMS = ("problems-2025.csv", "problem-events-2025.csv")


def district(
    at: Path,
    region: str,
    name: str,
    prefix: str,
    *,
    problems: bool = True,
    same_codes: bool = False,
) -> Path:
    """A dataset directory of ``region`` holding the demo's 2025 register (and problems)
    with every project code ``2025-<prefix>…-…`` and problem code ``<prefix>-2025-…``
    (Fuling's own codes with ``same_codes``: codes are unique within a region only)."""
    at.mkdir(parents=True)
    (at / "region.toml").write_text(
        f'code = "{region}"\nname = "{name}"\nparent = "重庆市"\nyears = [2025]\n',
        encoding="utf-8",
    )
    for file in COPIED + (PROBLEMS if problems else ()):
        text = (DEMO_DATASET / file).read_text(encoding="utf-8")
        for kind in () if same_codes else ("ZF", "QY"):
            text = text.replace(f"2025-{kind}-", f"2025-{prefix}{kind}-")
        if not same_codes:
            text = text.replace("WT-2025-", f"{prefix}-2025-")
        (at / file).write_text(text, encoding="utf-8")
    return at


def copy_tasks(at: Path, region: str, name: str) -> Path:
    """A dataset directory of ``region`` holding the demo's 2024 key tasks alone."""
    at.mkdir(parents=True)
    (at / "region.toml").write_text(
        f'code = "{region}"\nname = "{name}"\nyears = [2024]\n', encoding="utf-8"
    )
    shutil.copy(DEMO_DATASET / "tasks-2024.toml", at)
    return at
