"""Write the synthetic 2025 project register of the Fuling demo (deterministic).

    python scripts/make_synthetic_projects.py src/planwatch/data/fuling

The published report gives only totals (seed:L115, seed:L143): 286 government
investment projects, 258.2亿元 in total, 82.9亿元 planned for 2025 (154 new /
44.5亿, 12 continuing / 14.7亿, 120 completing / 23.7亿), and 104 district key
projects to complete about 230亿元. Every project, name and amount below is
invented (``source = synthetic``) so that those counts and sums hold to the
万元; monthly progress January–October mixes on-track and lagging projects.
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

YEAR = 2025
LAST_MONTH = 10
# category → (count, annual plan in 万元), seed:L115
GOVERNMENT = {"新开工": (154, 445_000), "续建": (12, 147_000), "完工": (120, 237_000)}
GOVERNMENT_TOTAL = 2_582_000  # 258.2亿元, seed:L115
KEY_COUNT, KEY_ANNUAL = 104, 2_300_000  # 104 区级重点 projects, 230亿元, seed:L143
GOVERNMENT_KEY = {"新开工": 14, "续建": 12, "完工": 10}  # of the 104, these are government
CITY_LEVEL = {"新开工": 6, "续建": 0, "完工": 4}
TOWNS = (  # the 27 towns and streets of Fuling
    *("崇义街道", "敦仁街道", "荔枝街道", "江北街道", "江东街道", "李渡街道", "龙桥街道"),
    *("白涛街道", "马鞍街道", "南沱镇", "青羊镇", "百胜镇", "珍溪镇", "清溪镇", "焦石镇"),
    *("马武镇", "龙潭镇", "蔺市镇", "新妙镇", "石沱镇", "义和镇", "罗云镇", "大木乡"),
    *("武陵山乡", "大顺乡", "增福乡", "同乐乡"),
)
# department → (owner unit, kinds of work it runs)
DEPARTMENTS = {
    "区交通局": ("区交通建设投资集团", ("农村公路改造", "桥梁维修加固", "道路提档升级")),
    "区水利局": ("区水务集团", ("小型水库整治", "农村供水保障", "中小河流治理")),
    "区住房城乡建委": ("区城市建设投资集团", ("老旧小区改造", "雨污管网更新", "城中村改造")),
    "区城市管理局": ("区市政设施管理处", ("公园游园建设", "路灯智能化改造", "垃圾转运站建设")),
    "区教委": ("区教育投资公司", ("中小学校舍改扩建", "公办幼儿园建设", "学校运动场改造")),
    "区卫生健康委": ("区卫生事业发展中心", ("卫生院能力提升", "医养结合中心建设", "急救站点建设")),
    "区农业农村委": ("区农业发展集团", ("高标准农田建设", "榨菜原料基地建设", "冷链物流设施")),
    "区文化旅游委": ("区文旅集团", ("文物保护修缮", "景区基础设施提升", "公共文化空间建设")),
    "区民政局": ("区社会福利中心", ("养老服务设施建设", "救助管理设施建设", "殡葬设施改造")),
    "区生态环境局": ("区生态环境保护中心", ("入河排污口整治", "榨菜废水治理", "消落区生态修复")),
    "区体育局": ("区体育中心", ("全民健身中心建设", "社区运动场建设", "体育公园建设")),
    "区应急管理局": ("区应急保障中心", ("应急避难场所建设", "森林防火通道建设", "应急物资库建设")),
}
KEY_DEPARTMENTS = {  # enterprise key projects: department that follows them
    "区经济信息委": (
        "区内工业企业",
        ("新材料产线技术改造", "智能终端产业园", "新能源汽车零部件基地"),
    ),
    "区住房城乡建委": ("区内房地产企业", ("商品住宅开发", "城市更新综合体", "保障性住房")),
    "区商务委": ("区内商贸企业", ("商业综合体建设", "冷链物流园", "跨境电商产业园")),
}
OTHER_DEPARTMENTS = (  # lead key tasks or rectify problems, own no project here
    *("区发展改革委", "区财政局", "区统计局", "区科技局", "区大数据发展局", "区招商投资促进局"),
    *("区规划自然资源局", "区国资委", "区市场监管局", "区林业局", "区人力社保局", "区司法局"),
    *("区公安局", "区信访办"),
)
LAG_REASONS = (
    "征地拆迁进度滞后",
    "资金未及时到位",
    "设计方案调整",
    "施工受汛期影响",
    "招标流程延长",
)
EXTRA_SHARE = {"新开工": 3.0, "续建": 4.0, "完工": 0.8}  # rough total ÷ annual − 1, by category


def split(rng: random.Random, total: int, count: int, low: float = 0.3) -> list[int]:
    """``count`` positive integers summing exactly to ``total`` (万元), of random sizes."""
    weights = [rng.uniform(low, 1.0) ** 2 + 0.05 for _ in range(count)]
    scale = total / sum(weights)
    parts = [max(1, int(w * scale)) for w in weights]
    parts[-1] += total - sum(parts)
    assert parts[-1] > 0 and sum(parts) == total
    return parts


def day(rng: random.Random, year: int, months: tuple[int, int]) -> date:
    month = rng.randint(*months)
    return date(year, month, rng.randint(1, 28))


def plan_dates(rng: random.Random, category: str) -> tuple[date, date, dict[str, date]]:
    if category == "新开工":
        start = day(rng, YEAR, (2, 9))
        end = day(rng, YEAR + rng.randint(1, 2), (3, 12))
        body = start + (end - start) * 2 // 3
        return start, end, {"开工": start, "主体完工": body, "竣工": end}
    if category == "续建":
        start = day(rng, YEAR - rng.randint(1, 2), (3, 10))
        end = day(rng, YEAR + 1, (6, 12))
        return start, end, {"主体完工": day(rng, YEAR, (8, 12)), "竣工": end}
    start = day(rng, YEAR - rng.randint(1, 2), (2, 11))
    end = day(rng, YEAR, (5, 12))
    return start, end, {"竣工": end}


def build_projects(rng: random.Random) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    annual_by_category = {c: split(rng, a, n) for c, (n, a) in GOVERNMENT.items()}
    weights = [EXTRA_SHARE[c] * a for c, amounts in annual_by_category.items() for a in amounts]
    extra_total = GOVERNMENT_TOTAL - sum(a for _, a in GOVERNMENT.values())
    extras = [int(w * extra_total / sum(weights)) for w in weights]
    extras[-1] += extra_total - sum(extras)
    extras_iter = iter(extras)
    for category, amounts in annual_by_category.items():
        levels = (
            ["区级重点"] * GOVERNMENT_KEY[category]
            + ["市级"] * CITY_LEVEL[category]
            + ["一般"] * (len(amounts) - GOVERNMENT_KEY[category] - CITY_LEVEL[category])
        )
        rng.shuffle(levels)
        for annual, level in zip(amounts, levels, strict=True):
            department = rng.choice(sorted(DEPARTMENTS))
            total = annual + next(extras_iter)
            number = len(rows) + 1
            rows.append(
                project_row(rng, "ZF", number, category, level, True, department, annual, total)
            )
    government_key_annual = sum(
        int(str(r["annual_plan"])) for r in rows if r["level"] == "区级重点"
    )
    enterprise = KEY_COUNT - sum(GOVERNMENT_KEY.values())
    for number, annual in enumerate(split(rng, KEY_ANNUAL - government_key_annual, enterprise), 1):
        category = rng.choice(("新开工", "续建", "续建", "完工"))
        department = rng.choice(sorted(KEY_DEPARTMENTS))
        total = annual * rng.randint(2, 5)
        rows.append(
            project_row(rng, "QY", number, category, "区级重点", False, department, annual, total)
        )
    return rows


def project_row(
    rng: random.Random,
    prefix: str,
    number: int,
    category: str,
    level: str,
    government: bool,
    department: str,
    annual: int,
    total: int,
) -> dict[str, object]:
    unit, kinds = (DEPARTMENTS if government else KEY_DEPARTMENTS)[department]
    town = rng.choice(TOWNS)
    start, end, milestones = plan_dates(rng, category)
    return {
        "code": f"{YEAR}-{prefix}-{number:03d}",
        "name": f"{town}{rng.choice(kinds)}项目(合成)",
        "year": YEAR,
        "category": category,
        "level": level,
        "government": "是" if government else "否",
        "department": department,
        "unit": unit,
        "leader": f"区领导{rng.choice('甲乙丙丁戊己庚辛')}",
        "town": town,
        "total": total,
        "annual_plan": annual,
        "start": start,
        "end": end,
        **{name: milestones.get(name, "") for name in ("开工", "主体完工", "竣工")},
        "source": "synthetic",
    }


def build_progress(
    rng: random.Random, projects: list[dict[str, object]]
) -> list[dict[str, object]]:
    """Cumulative completed investment per month; about one project in six lags."""
    rows: list[dict[str, object]] = []
    for p in projects:
        annual = int(str(p["annual_plan"]))
        lagging = rng.random() < 0.17
        pace = rng.uniform(0.45, 0.78) if lagging else rng.uniform(0.93, 1.15)
        slip = timedelta(days=rng.randint(20, 120)) if lagging else timedelta(0)
        completed = 0
        for month in range(1, LAST_MONTH + 1):
            goal = int(annual * pace * month / 12 * rng.uniform(0.97, 1.03))
            completed = max(completed, min(goal, int(annual * 1.1)))
            month_end = date(YEAR, month + 1, 1) - timedelta(days=1)
            reached = {}
            for name in ("开工", "主体完工", "竣工"):
                planned = p[name]
                if isinstance(planned, date) and planned.year == YEAR:
                    actual = planned + slip - timedelta(days=0 if lagging else rng.randint(0, 5))
                    reached[name] = actual if actual <= month_end else ""
            rows.append(
                {
                    "project": p["code"],
                    "month": f"{YEAR}-{month:02d}",
                    "completed": completed,
                    **{name: reached.get(name, "") for name in ("开工", "主体完工", "竣工")},
                    "narrative": rng.choice(LAG_REASONS) if lagging else "按计划推进",
                    "evidence": evidence(p, month) if month == LAST_MONTH else "",
                    "source": "synthetic",
                }
            )
    return rows


def evidence(project: dict[str, object], month: int) -> str:
    return f"{project['code']}-{month:02d}-现场照片.jpg|image/jpeg|{1_000_000 + month * 7919}"


def write(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(directory: Path) -> None:
    rng = random.Random(YEAR)
    projects = build_projects(rng)
    write(directory / "projects-2025.csv", projects)
    write(directory / "progress-2025.csv", build_progress(rng, projects))
    departments = sorted(set(DEPARTMENTS) | set(KEY_DEPARTMENTS) | set(OTHER_DEPARTMENTS))
    write(directory / "departments.csv", [{"name": d} for d in departments])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
