"""Domain errors: a small hierarchy with stable codes, mapped once at each edge."""

from __future__ import annotations


class PlanwatchError(Exception):
    """Base of every error the domain raises on purpose."""

    code = "planwatch_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidValue(PlanwatchError):
    """A value that cannot be what it claims to be (a target without a number, ...)."""

    code = "invalid_value"


class DatasetError(PlanwatchError):
    """A dataset file that cannot be loaded; carries every problem found, with file and line."""

    code = "dataset_error"

    def __init__(self, problems: list[DatasetProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DatasetProblem:
    """One reason a dataset was rejected: where (file and line) and why."""

    def __init__(self, file: str, line: int, reason: str) -> None:
        self.file = file
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"

    def __repr__(self) -> str:
        return f"DatasetProblem({self.file!r}, {self.line}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DatasetProblem) and (
            (self.file, self.line, self.reason) == (other.file, other.line, other.reason)
        )

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.reason))


class NotFound(PlanwatchError):
    """A region, year or indicator that does not exist."""

    code = "not_found"


class ExtractionError(PlanwatchError):
    """A report that the extractor cannot work on."""

    code = "extraction_error"


class UnreadableReport(ExtractionError):
    """Input that is not a text report: empty, binary, or in no encoding we can decode."""

    code = "unreadable_report"
