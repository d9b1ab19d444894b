"""Values kept in the process under the data version are made once, however many threads
ask for them at once (the herd of requests that follows a write)."""

from __future__ import annotations

import threading
import time

import pytest

from planwatch.web import kept


@pytest.fixture(autouse=True)
def version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "data_version", lambda: "7.1")  # no database in these threads
    kept.forget()


def _ask_at_once(threads: int, make) -> list[object]:
    start, answers = threading.Barrier(threads), []

    def ask() -> None:
        start.wait()
        answers.append(kept.kept("judged", ("fuling", "2025-09"), make))

    workers = [threading.Thread(target=ask) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return answers


def test_threads_asking_for_the_same_value_at_once_make_it_once() -> None:
    made = []

    def make() -> list[str]:
        made.append(1)
        time.sleep(0.05)  # long enough for every other thread to ask meanwhile
        return ["2025-ZF-001"]

    answers = _ask_at_once(8, make)
    assert len(made) == 1
    assert answers == [["2025-ZF-001"]] * 8


def test_a_new_data_version_makes_the_value_again(monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    kept.kept("judged", ("fuling",), lambda: made.append(1) or "first")
    monkeypatch.setattr(kept, "data_version", lambda: "7.2")
    assert kept.kept("judged", ("fuling",), lambda: made.append(1) or "second") == "second"
    assert len(made) == 2


def test_a_failed_making_lets_the_next_thread_try() -> None:
    def fail() -> str:
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        kept.kept("judged", ("fuling",), fail)
    assert kept.kept("judged", ("fuling",), lambda: "made") == "made"
