"""In a real browser: the plan office reports a problem, a department rectifies it with a
file, and a key task's lead department reports its quarter; errors beside their fields."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from planwatch.cli.plan import DEMO_DATASET
from planwatch.services import problems
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import TaskProgressRecord, TaskRecord
from tests.browser.conftest import PASSWORD, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]
PDF = b"%PDF-1.7 browser test"


@pytest.fixture
def year_2025(site, settings, tmp_path) -> str:
    settings.MEDIA_ROOT = tmp_path
    load_year(DEMO_DATASET, 2025)
    create_user("commerce", PASSWORD, Role.CLERK, department="区商务委", replace=True)
    return site


def test_a_problem_is_reported_rectified_with_a_file_and_the_file_opens(browser, year_2025):
    site = year_2025
    office = log_in(browser, site, "office")
    office.goto(f"{site}/problems/")
    office.get_by_role("link", name="登记问题").click()
    office.get_by_label("编码", exact=True).fill("WT-2025-950")
    office.get_by_label("发现的问题").fill("施工现场扬尘治理不到位")
    office.get_by_label("对象编号").fill("2025-ZF-001")
    office.get_by_label("整改责任单位").select_option("区商务委")
    yesterday = timezone.localdate() - timedelta(days=1)
    office.get_by_label("整改时限").fill(yesterday.isoformat())
    office.get_by_role("button", name="登记").click()
    assert office.locator("#id_deadline_error").is_visible()  # beside its field
    office.get_by_label("整改时限").fill((timezone.localdate() + timedelta(days=20)).isoformat())
    office.get_by_role("button", name="登记").click()
    assert "已登记问题 WT-2025-950" in office.locator(".messages").inner_text()
    office.get_by_role("button", name="交办").click()

    clerk = log_in(browser, site, "commerce")
    clerk.goto(f"{site}/problems/WT-2025-950/")
    clerk.get_by_role("button", name="开始整改").click()
    clerk.goto(f"{site}/problems/WT-2025-950/")
    clerk.get_by_label("佐证材料(PDF、JPG 或 PNG,每个不超过20MB)").set_input_files(
        files=[{"name": "整改报告.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    clerk.get_by_role("button", name="提请验收").click()
    assert problems.problem("WT-2025-950").history[-1].evidence == ("整改报告.pdf",)

    office.goto(f"{site}/problems/WT-2025-950/")
    with office.expect_download() as download:
        office.get_by_role("link", name="整改报告.pdf").click()
    assert Path(download.value.path()).read_bytes() == PDF


def test_the_lead_department_reports_a_quarter_of_its_key_task(browser, year_2025):
    site = year_2025
    task = TaskRecord.objects.filter(year=2025, lead="区商务委").order_by("code").first()
    assert task is not None
    sub = task.sub_targets.exclude(form="").order_by("code").first()
    assert sub is not None
    TaskProgressRecord.objects.filter(sub_target=sub, quarter=4).delete()
    clerk = log_in(browser, site, "commerce")
    clerk.goto(f"{site}/tasks/{task.code}/?year=2025")
    clerk.get_by_role("link", name="报送季度进展").click()
    clerk.get_by_label("具体目标").select_option(sub.code)
    clerk.get_by_label("季度", exact=True).select_option("4")
    clerk.get_by_label("全年预计(量化子目标)").fill("321.5")
    clerk.get_by_role("button", name="保存进度").click()
    assert "季度进展已保存" in clerk.locator(".messages").inner_text()
    assert TaskProgressRecord.objects.get(sub_target=sub, quarter=4).value == 321.5
