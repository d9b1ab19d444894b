"""Write the office's draft text of the Fuling 2024 annual report, section 一 (deterministic).

    python scripts/make_report_drafts.py SEED.txt GOLD_DIR src/planwatch/data/fuling

writes ``report-2024.toml``: the seed's own words of section 一 (the
opening, the 2024 paragraph, the four "——" paragraphs, the text of each of
the 23 review items, the first sentence of 总体来看) with every quantity the
gold annotates replaced by a reference to a stored value: the item's
sub-target result (``tasks-2024.toml``), the indicator's 2024 value
(``observations.csv``), or a fact stored in the file itself with its value,
unit, subject and seed line. Chinese-word numbers (双翻番, 百亿) stay words.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from planwatch.core.numbers import find_quantities
from planwatch.core.wording import number

OVERVIEW = (31, 33, 35, 37)
INTRO, CONCLUSION = 29, 101


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main(seed_path: str, gold_dir: str, out_dir: str) -> None:
    lines = Path(seed_path).read_text(encoding="utf-8").splitlines()
    gold = Path(gold_dir)
    statements = [json.loads(s) for s in (gold / "statements.jsonl").read_text().splitlines()]
    out = Path(out_dir)
    tree = tomllib.loads((out / "tasks-2024.toml").read_text(encoding="utf-8"))
    by_gold = {
        t["gold"]: t["code"]
        for a in tree["areas"]
        for task in a["tasks"]
        for t in task.get("targets", [])
        if "gold" in t
    }
    observed = {}
    with (out / "observations.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["period"] == "2024" and row["source"].startswith("seed:L"):
                observed[(int(row["source"][6:]), float(row["value"]))] = row["indicator"]
    facts: dict[str, dict[str, object]] = {}

    def drafted(number_line: int, text: str, offset: int) -> str:
        on_line = [s for s in statements if s["line"] == number_line and s["value"] is not None]
        return _referenced(text, offset, lines[number_line - 1], on_line, by_gold, observed, facts)

    items = {}
    for area in tree["areas"]:
        for task in area["tasks"]:
            number_line = int(task["source"][6:])
            line = lines[number_line - 1]
            head = f"{task['ordinal']}{task['title']}。"
            assert line.startswith(head), (line[:20], head)
            items[task["code"]] = drafted(number_line, line[len(head) :], len(head))
    conclusion_line = lines[CONCLUSION - 1]
    cut = conclusion_line.index("与2024年初人代会目标相比")
    prefix = "总体来看,"
    conclusion = drafted(CONCLUSION, conclusion_line[len(prefix) : cut], len(prefix))
    print_toml(out / "report-2024.toml", lines, items, conclusion, facts, drafted)


def _referenced(text, offset, line, on_line, by_gold, observed, facts) -> str:
    """``text`` (at ``offset`` in ``line``) with each gold quantity replaced by a reference."""
    found = [(qq, line[qq.number_start : qq.end]) for qq in find_quantities(line)]
    used: set[int] = set()
    spans = []
    for s in on_line:
        start = line.find(s["quote"])
        for k, (quantity, _) in enumerate(found):
            if k in used or quantity.value != abs(s["value"]) or quantity.number_start < start:
                continue
            if (quantity.unit or None) != (s["unit"] or None) and s["measure"] != "rank":
                continue
            used.add(k)
            spans.append((quantity, s))
            break
    pieces, at = [], offset
    for quantity, s in sorted(spans, key=lambda p: p[0].number_start):
        begin = quantity.number_start
        if begin < offset or begin >= offset + len(text):
            continue
        digits = re.match(r"\d+(?:\.\d+)?", line[begin:]).group(0)
        written, pattern, unit = _written(line, begin, digits, quantity.unit or "")
        key = _key(s, by_gold, observed, facts, unit)
        pieces.append(line[at:begin])
        pieces.append("{" + key + (f":{pattern}" if pattern else "") + "}")
        at = begin + len(written)
    pieces.append(line[at : offset + len(text)])
    return "".join(pieces)


def _written(line: str, begin: int, digits: str, parsed: str) -> tuple[str, str, str]:
    """The figure as the line writes it, a pattern when 余/多 sits inside it, and its unit
    as written (the parser reads 立方 as 立方米)."""
    for unit in dict.fromkeys((parsed, parsed.removesuffix("米"))):
        if line.startswith(digits + unit, begin):
            return digits + unit, "", unit
        for k in range(len(unit) + 1):
            for word in ("余", "多"):
                variant = digits + unit[:k] + word + unit[k:]
                if line.startswith(variant, begin):
                    return variant, "#" + unit[:k] + word + unit[k:], unit
    raise ValueError(f"cannot find {digits}{parsed} at {line[begin:begin + 12]!r}")


def _key(s, by_gold, observed, facts, unit) -> str:
    if s["id"] in by_gold:
        return by_gold[s["id"]]
    indicator = observed.get((s["line"], float(s["value"])))
    if indicator is not None:
        return indicator
    facts[s["id"]] = {
        "value": abs(s["value"]),  # as written: 下降18.8% is 18.8
        "unit": unit,
        "about": s["subject"],
        "source": f"seed:L{s['line']}",
    }
    return s["id"]


def print_toml(path, lines, items, conclusion, facts, drafted) -> None:
    out = [
        "# The office's draft text of the 2024 annual report, section 一 (the seed's words).",
        "# Every quantity is a reference to a stored value, checked when the dataset is read:",
        "# {1-1-1} a key task's result (tasks-2024.toml, task-progress-2024.csv), {gdp_growth}",
        "# an indicator's 2024 value (observations.csv), {s0001} a fact below ([facts]).",
        "# Generated by scripts/make_report_drafts.py.",
        "year = 2024",
        f"salutation = {q(lines[22])}",
        f"opening = {q(lines[24])}",
        f"intro = {q(drafted(INTRO, lines[INTRO - 1], 0))}",
        "overview = [",
        *(f"    {q(drafted(n, lines[n - 1], 0))}," for n in OVERVIEW),
        "]",
        f"conclusion = {q(conclusion)}",
        f"plan_preamble = {q(lines[118].split('重点做好以下')[0])}",
        "",
        "# The text of each review item after its title, by task code.",
        "[items]",
        *(f'"{code}" = {q(text)}' for code, text in items.items()),
    ]
    for key, fact in facts.items():
        value = fact["value"]
        out += [
            "",
            f"[facts.{key}]",
            f"value = {number(value) if float(value) != int(value) else int(value)}",
            f"unit = {q(fact['unit'])}",
            f"about = {q(fact['about'])}",
            f"source = {q(fact['source'])}",
        ]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
