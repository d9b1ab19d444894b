"""Validation rules of an indicator: read them, set them (plan office)."""

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field, model_validator

from planwatch.core.plausibility import default_bounds
from planwatch.core.validation import Rules, default_rules
from planwatch.web.api.types import Flag, Id, Number, Reason, Version
from planwatch.web.editing import history, services
from planwatch.web.editing.models import ValidationRule

router = Router(tags=["rules"])


class RulesOut(Schema):
    minimum: float | None
    maximum: float | None
    max_jump: float | None
    monotone_cumulative: bool
    jump_factor: float | None = Field(description="a change beyond this × the usual one is flagged")
    target_factor: float | None = Field(description="a value beyond this × the target is flagged")
    version: int | None = Field(description="null: the defaults of the indicator's kind apply")


class RulesIn(Schema):
    minimum: Number | None = None
    maximum: Number | None = None
    max_jump: Annotated[Number, Field(ge=0)] | None = None
    monotone_cumulative: Flag = True
    jump_factor: Annotated[Number, Field(gt=0)] | None = Field(None, description="default 5")
    target_factor: Annotated[Number, Field(gt=0)] | None = Field(None, description="default 10")
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
        bounds = default_bounds(indicator.to_domain())
        factors = {"jump_factor": bounds.jump_factor, "target_factor": bounds.target_factor}
        return {**default_rules(indicator.to_domain()).__dict__, **factors, "version": None}
    return _out(rule)


@router.put("/indicators/{indicator_id}/rules", response=RulesOut)
def set_rules(request: HttpRequest, indicator_id: Id, rules: RulesIn) -> Any:
    fields = rules.model_dump(exclude={"version", "reason", "jump_factor", "target_factor"})
    rule = services.set_rules(
        actor=request.user,
        indicator_id=indicator_id,
        rules=Rules(**fields),
        version=rules.version,
        reason=rules.reason,
        factors=(rules.jump_factor, rules.target_factor),
    )
    return _out(rule)


def _out(rule: ValidationRule) -> dict[str, Any]:
    bounds = rule.to_bounds()
    factors = {"jump_factor": bounds.jump_factor, "target_factor": bounds.target_factor}
    return {**rule.to_domain().__dict__, **factors, "version": history.version_of(rule)}
