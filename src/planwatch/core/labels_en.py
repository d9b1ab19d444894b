"""English names of the states and categories the core names in Chinese (``label_zh``).

One table, so that an English page never falls back to Chinese for a board
column, a project category or a problem's source; a member missing here shows
its Chinese label, and a test lists every enum with ``label_zh`` to keep the
table whole.
"""

from __future__ import annotations

from enum import Enum

_EN: dict[tuple[str, str], str] = {
    # problems: the loop 发现 → 交办 → 整改中 → 待验收 → 已销号
    ("State", "found"): "Found",
    ("State", "assigned"): "Assigned",
    ("State", "rectifying"): "Being rectified",
    ("State", "pending_check"): "Awaiting acceptance",
    ("State", "closed"): "Closed",
    ("Action", "assign"): "Assign",
    ("Action", "start"): "Start rectifying",
    ("Action", "submit"): "Submit for acceptance",
    ("Action", "send_back"): "Send back",
    ("Action", "close"): "Accept and close",
    ("Source", "inspection"): "Inspection",
    ("Source", "audit"): "Audit",
    ("Source", "tour"): "Inspection tour",
    ("Source", "scheduling"): "Progress meeting",
    ("Source", "public"): "Public report",
    ("Severity", "high"): "Serious",
    ("Severity", "medium"): "Significant",
    ("Severity", "low"): "Minor",
    # projects
    ("Category", "new"): "New start",
    ("Category", "continuing"): "Continuing",
    ("Category", "completing"): "Completing",
    ("Category", "preliminary"): "Preparatory",
    ("Level", "city"): "City key project",
    ("Level", "district_key"): "District key project",
    ("Level", "general"): "General",
    # key tasks
    ("MilestoneState", "done"): "Done",
    ("MilestoneState", "on_time"): "On schedule",
    ("MilestoneState", "overdue"): "Overdue",
    # what a department owes
    ("Owed", "not_started"): "Not started",
    ("Owed", "draft"): "Draft",
    ("Owed", "submitted"): "Awaiting review",
    ("Owed", "returned"): "Returned",
    ("Owed", "approved"): "Approved",
}


def english_label(member: Enum) -> str:
    """``member``'s name in English (its Chinese ``label_zh`` when the table lacks it)."""
    found = _EN.get((type(member).__name__, str(member.value)))
    return found if found is not None else str(getattr(member, "label_zh", member.value))


def known(member: Enum) -> bool:
    return (type(member).__name__, str(member.value)) in _EN
