"""问题清单: problems found by supervision, handled in a closed loop until 销号.

The loop: 发现 found → 交办 assigned → 整改中 rectifying → 待验收 pending
check → 已销号 closed, and a check may send a problem back to rectifying.
Every step is an :class:`Event` appended to the problem's history, which is
never rewritten: :func:`apply` returns a new problem and refuses a step that
is not allowed from the current state, one that goes back in time, a
submission without evidence, and a check by the person who rectified.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from planwatch.core.errors import PlanwatchError


class State(StrEnum):
    FOUND = "found"
    ASSIGNED = "assigned"
    RECTIFYING = "rectifying"
    PENDING_CHECK = "pending_check"
    CLOSED = "closed"

    @property
    def label_zh(self) -> str:
        return _STATE_ZH[self]


class Action(StrEnum):
    ASSIGN = "assign"  # 交办
    START = "start"  # 开始整改
    SUBMIT = "submit"  # 提请验收
    SEND_BACK = "send_back"  # 退回整改
    CLOSE = "close"  # 验收销号

    @property
    def label_zh(self) -> str:
        return _ACTION_ZH[self]


class Source(StrEnum):
    INSPECTION = "inspection"  # 督查
    AUDIT = "audit"  # 审计
    TOUR = "tour"  # 巡视巡察
    SCHEDULING = "scheduling"  # 调度
    PUBLIC = "public"  # 群众反映

    @property
    def label_zh(self) -> str:
        return _SOURCE_ZH[self]


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label_zh(self) -> str:
        return {Severity.HIGH: "严重", Severity.MEDIUM: "较重", Severity.LOW: "一般"}[self]


class LinkKind(StrEnum):
    PROJECT = "project"
    TASK = "task"
    INDICATOR = "indicator"


_STATE_ZH = {
    State.FOUND: "发现",
    State.ASSIGNED: "交办",
    State.RECTIFYING: "整改中",
    State.PENDING_CHECK: "待验收",
    State.CLOSED: "已销号",
}
_SOURCE_ZH = {
    Source.INSPECTION: "督查",
    Source.AUDIT: "审计",
    Source.TOUR: "巡视巡察",
    Source.SCHEDULING: "调度",
    Source.PUBLIC: "群众反映",
}
_ACTION_ZH = {
    Action.ASSIGN: "交办",
    Action.START: "开始整改",
    Action.SUBMIT: "提请验收",
    Action.SEND_BACK: "退回整改",
    Action.CLOSE: "验收销号",
}
TRANSITIONS: dict[tuple[State, Action], State] = {
    (State.FOUND, Action.ASSIGN): State.ASSIGNED,
    (State.ASSIGNED, Action.START): State.RECTIFYING,
    (State.RECTIFYING, Action.SUBMIT): State.PENDING_CHECK,
    (State.PENDING_CHECK, Action.SEND_BACK): State.RECTIFYING,
    (State.PENDING_CHECK, Action.CLOSE): State.CLOSED,
}


class IllegalTransition(PlanwatchError):
    """A step the problem's state does not allow, or one missing what it needs."""

    code = "illegal_transition"


@dataclass(frozen=True)
class Event:
    """One step of a problem's history: who did what, when, why, and with which evidence."""

    action: Action
    before: State
    after: State
    actor: str
    at: datetime
    note: str = ""
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """One entry of the problem list; ``history`` holds every step taken, oldest first."""

    code: str
    source: Source
    link_kind: LinkKind
    link: str
    description: str
    department: str
    deadline: date
    severity: Severity
    found_at: datetime
    history: tuple[Event, ...] = ()

    @property
    def state(self) -> State:
        return self.history[-1].after if self.history else State.FOUND

    @property
    def rectifiers(self) -> set[str]:
        """Everyone who started or submitted the rectification."""
        return {e.actor for e in self.history if e.action in (Action.START, Action.SUBMIT)}

    def is_overdue(self, today: date) -> bool:
        """Open (not 已销号) after its deadline day."""
        return self.state is not State.CLOSED and today > self.deadline


def allowed_actions(state: State) -> list[Action]:
    return [action for (before, action) in TRANSITIONS if before is state]


def apply(
    problem: Problem,
    action: Action,
    *,
    actor: str,
    at: datetime,
    note: str = "",
    evidence: tuple[str, ...] = (),
) -> Problem:
    """``problem`` after ``actor`` took ``action`` at ``at``; the history gains one event.

    Raises :class:`IllegalTransition` when the action is not allowed from the
    current state, when ``at`` is before the last event (or the finding), when
    a submission carries no evidence, when a send-back gives no reason, or when
    the closing check is made by one of the rectifiers.
    """
    before = problem.state
    after = TRANSITIONS.get((before, action))
    if after is None:
        allowed = "、".join(a.label_zh for a in allowed_actions(before)) or "无"
        raise IllegalTransition(
            f"问题 {problem.code} 当前为「{before.label_zh}」,不能「{action.label_zh}」"
            f"(可执行:{allowed})"
        )
    last = problem.history[-1].at if problem.history else problem.found_at
    if at < last:
        raise IllegalTransition(f"问题 {problem.code}: {at} 早于上一步 {last},历史不可改写")
    if not actor.strip():
        raise IllegalTransition(f"问题 {problem.code}: 每一步都须记录操作人")
    if action is Action.SUBMIT and not evidence:
        raise IllegalTransition(f"问题 {problem.code}: 提请验收须附整改佐证材料")
    if action is Action.SEND_BACK and not note.strip():
        raise IllegalTransition(f"问题 {problem.code}: 退回整改须说明理由")
    if action is Action.CLOSE and actor in problem.rectifiers:
        raise IllegalTransition(
            f"问题 {problem.code}: 销号须由整改人以外的人验收({actor} 参与了整改)"
        )
    event = Event(action, before, after, actor, at, note, evidence)
    return replace(problem, history=(*problem.history, event))


def overdue(problems: list[Problem], today: date) -> list[Problem]:
    """The open problems past their deadline, most overdue first."""
    return sorted((p for p in problems if p.is_overdue(today)), key=lambda p: p.deadline)
