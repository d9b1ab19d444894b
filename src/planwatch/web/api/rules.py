"""Validation rules of an indicator: read them, set them (plan office)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field, model_validator

from planwatch.core.validation import Rules, default_rules
from planwatch.web.api.types import Id, Number, Reason, Version
from planwatch.web.editing import history, services
from planwatch.web.editing.models import ValidationRule

router = Router(tags=["rules"])


class RulesOut(Schema):
    minimum: float | None
    maximum: float | None
    max_jump: float | None
    monotone_cumulative: bool
    version: int | None = Field(description="null: the defaults of the indicator's kind apply")


class RulesIn(Schema):
    minimum: Number | None = None
    maximum: Number | None = None
    max_jump: Number | None = Field(None, ge=0)
    monotone_cumulative: bool = True
    version: Version | None = Field(None, description="the version read; omit to create")
    reason: Reason = ""

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        """Only a JSON object: a schema read from attributes would take ``[null, null]``
        for a body of defaults."""
        if not isinstance(getattr(data, "_obj", data), dict):  # ninja wraps what it parsed
            raise ValueError("the rules are a JSON object")
        return data


@router.get("/indicators/{indicator_id}/rules", response=RulesOut)
def get_rules(request: HttpRequest, indicator_id: Id) -> Any:
    indicator = services.indicator_or_404(indicator_id)
    rule = ValidationRule.objects.filter(indicator=indicator).first()
    if rule is None:
        return {**default_rules(indicator.to_domain()).__dict__, "version": None}
    return {**rule.to_domain().__dict__, "version": history.version_of(rule)}


@router.put("/indicators/{indicator_id}/rules", response=RulesOut)
def set_rules(request: HttpRequest, indicator_id: Id, rules: RulesIn) -> Any:
    fields = rules.model_dump(exclude={"version", "reason"})
    rule = services.set_rules(
        actor=request.user,
        indicator_id=indicator_id,
        rules=Rules(**fields),
        version=rules.version,
        reason=rules.reason,
    )
    return {**rule.to_domain().__dict__, "version": history.version_of(rule)}
