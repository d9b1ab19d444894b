"""Report text → quantitative statements and the section / task tree.

Public API::

    read_report(path_or_bytes) -> str          # decode; raises UnreadableReport
    extract_statements(text) -> list[Statement]
    document_tree(text) -> Tree
    score(statements, gold) -> Score
"""

from planwatch.extract.decode import read_report
from planwatch.extract.records import Measure, Statement, Status, read_jsonl, to_csv, to_jsonl
from planwatch.extract.score import Score, score
from planwatch.extract.sections import Tree, document_tree
from planwatch.extract.statements import extract_statements

__all__ = [
    "Measure",
    "Score",
    "Statement",
    "Status",
    "Tree",
    "document_tree",
    "extract_statements",
    "read_jsonl",
    "read_report",
    "score",
    "to_csv",
    "to_jsonl",
]
