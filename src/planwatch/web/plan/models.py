"""Persistence of the plan core: regions, indicators, targets, observations.

Models hold data and translate to core objects (``to_domain``); rules live in
``planwatch.core``.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.core.evaluation import Verdict
from planwatch.core.indicators import Binding, Direction, Indicator, Kind
from planwatch.core.observations import Observation, Period, Status
from planwatch.core.targets import Target, TargetForm


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]  # type: ignore[attr-defined]


class RegionQuerySet(models.QuerySet["Region"]):
    def districts(self) -> RegionQuerySet:
        """Regions holding a plan of their own: those with no districts under them (not a city)."""
        return self.filter(children__isnull=True)


class Region(models.Model):
    """A district or county holding a plan, or a city (重庆市) whose ``children`` they are."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    objects = RegionQuerySet.as_manager()

    def __str__(self) -> str:
        return self.name


class IndicatorRecord(models.Model):
    """An indicator of one region's indicator system, in the plan's order (``position``)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="indicators")
    code = models.SlugField(max_length=60)
    name = models.CharField(max_length=100)
    name_en = models.CharField(max_length=200, blank=True)
    aliases = models.CharField(max_length=500, blank=True, help_text="|-separated")
    unit = models.CharField(max_length=20)
    kind = models.CharField(max_length=10, choices=_choices(Kind))
    direction = models.CharField(max_length=10, choices=_choices(Direction))
    binding = models.CharField(max_length=10, choices=_choices(Binding))
    group = models.CharField(max_length=100, blank=True)
    owner = models.CharField(max_length=100, blank=True)
    tolerance = models.FloatField(null=True, blank=True)
    flag_below = models.FloatField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        db_table = "plan_indicator"
        ordering = ["region", "position"]
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="indicator_code_per_region")
        ]

    def __str__(self) -> str:
        return self.name

    def to_domain(self) -> Indicator:
        return Indicator(
            code=self.code,
            name=self.name,
            unit=self.unit,
            kind=Kind(self.kind),
            direction=Direction(self.direction),
            binding=Binding(self.binding),
            name_en=self.name_en,
            group=self.group,
            owner=self.owner,
            aliases=tuple(a for a in self.aliases.split("|") if a),
            tolerance=self.tolerance,
            flag_below=self.flag_below,
        )


class TargetRecord(models.Model):
    indicator = models.ForeignKey(IndicatorRecord, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField()
    form = models.CharField(max_length=20, choices=_choices(TargetForm))
    text = models.CharField(max_length=100)
    value = models.FloatField(null=True, blank=True)
    upper = models.FloatField(null=True, blank=True)
    reference = models.ForeignKey(
        IndicatorRecord, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tolerance = models.FloatField(null=True, blank=True)
    headline = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        db_table = "plan_target"
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.text}"

    def to_domain(self) -> Target:
        return Target(
            indicator=self.indicator.code,
            year=self.year,
            form=TargetForm(self.form),
            text=self.text,
            value=self.value,
            upper=self.upper,
            reference=self.reference.code if self.reference else None,
            tolerance=self.tolerance,
            headline=self.headline,
            source=self.source,
        )


class ObservationRecord(models.Model):
    """The current value of an indicator for a period and status, with where it came from.

    ``origin`` names what put it here (``dataset:fuling``, ``document:<id>``,
    ``submission:<id>``). One indicator, period and status hold one current
    value (the ``one_current_value`` constraint); a newer value supersedes it
    through :mod:`planwatch.services.values`, and the superseded one stays in
    the history with who, when and why. An estimate and an actual of the same
    period stand side by side.
    """

    indicator = models.ForeignKey(
        IndicatorRecord, on_delete=models.CASCADE, related_name="observations"
    )
    period = models.CharField(max_length=10, help_text="2024, 2024-Q3 or 2024-07")
    year = models.PositiveSmallIntegerField(db_index=True)
    value = models.FloatField()
    status = models.CharField(max_length=10, choices=_choices(Status))
    cumulative = models.BooleanField(default=False)
    source = models.CharField(max_length=200)
    note = models.TextField(blank=True)
    origin = models.CharField(max_length=200)
    line = models.PositiveIntegerField(null=True, blank=True)
    quote = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        db_table = "plan_observation"
        ordering = ["indicator", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "status"], name="one_current_value"
            )
        ]
        indexes = [models.Index(fields=["year", "indicator"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period} = {self.value:g} ({self.status})"

    def to_domain(self) -> Observation:
        return Observation(
            indicator=self.indicator.code,
            period=Period.parse(self.period),
            value=self.value,
            status=Status(self.status),
            cumulative=self.cumulative,
            source=self.source,
            note=self.note,
        )


class SummaryExample(models.Model):
    """The indicator the office names for one verdict group of a year's summary."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    verdict = models.CharField(max_length=20, choices=_choices(Verdict))
    indicator = models.ForeignKey(IndicatorRecord, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "verdict"], name="one_example_per_group"
            )
        ]


class Document(models.Model):
    """A published report ingested for a region; identified by the hash of its text."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(max_length=300)
    label = models.CharField(max_length=100, help_text="how values cite it: LABEL:L<line>")
    sha256 = models.CharField(max_length=64)
    year = models.PositiveSmallIntegerField(help_text="the year the report reviews")
    text = models.TextField(blank=True, help_text="the report's text, shown line by line")
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "sha256"], name="document_once_per_region")
        ]

    def __str__(self) -> str:
        return self.name


class DocumentStatement(models.Model):
    """One quantitative statement of a document, mapped to an indicator or waiting for review."""

    class Review(models.TextChoices):
        MAPPED = "mapped"
        PENDING = "pending"
        IGNORED = "ignored"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="statements")
    line = models.PositiveIntegerField()
    quote = models.TextField()
    subject = models.CharField(max_length=200)
    measure = models.CharField(max_length=10)
    value = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=20, blank=True)
    qualifier = models.CharField(max_length=10)
    period = models.CharField(max_length=12)
    status = models.CharField(max_length=10)
    cumulative = models.BooleanField(default=False)
    section = models.CharField(max_length=40, blank=True)
    text_target = models.CharField(max_length=100, blank=True)
    indicators = models.ManyToManyField(IndicatorRecord, blank=True, related_name="statements")
    review = models.CharField(max_length=10, choices=Review.choices)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["document", "line", "id"]
        indexes = [models.Index(fields=["subject", "measure", "period"])]

    def __str__(self) -> str:
        return f"L{self.line} {self.subject} {self.value}{self.unit}"


class DataVersion(models.Model):
    """The data's version: one row (id 1), counted up once after each transaction that wrote
    the data commits (:mod:`planwatch.web.dataversion`). ``epoch`` is drawn when the row is
    made, so a database emptied or made anew never repeats a version of the one before. Not
    backed up: a restore counts up the version of the database it goes into."""

    writes = models.BigIntegerField(default=0)
    epoch = models.CharField(max_length=16)
