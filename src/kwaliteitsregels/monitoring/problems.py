"""The problems of a run, bounded: per code the first `PER_CODE` by line are kept, the rest are counted.

A stream of a million bad lines would otherwise give a report (and a memory) of a million problems,
one per line. Per code (`event.json`, `event.missing-field`, ...) the problems with the lowest line
numbers are kept, with their line; for the rest only the number is kept, and the report says how
many more there were of that code. Which problems are kept does not depend on the order they arrive
in (a heap per code keeps the lowest lines), so a stream split over worker processes keeps the same
problems as one process. Memory: at most `PER_CODE` problems per code, and the codes are a closed set.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable

from kwaliteitsregels.errors import Problem

PER_CODE = 1000

_Item = tuple[int, int, Problem]  # (-line, -arrival, problem): the heap's top is the latest kept problem


class ProblemList:
    """Collects problems; `kept()` gives the first `limit` per code in report order, `omitted` counts the rest."""

    def __init__(self, limit: int = PER_CODE) -> None:
        self.limit = limit
        self._heaps: dict[str, list[_Item]] = {}
        self._arrived = 0
        self.omitted: Counter[str] = Counter()

    def __len__(self) -> int:
        """How many problems were added (kept or counted)."""
        return sum(len(heap) for heap in self._heaps.values()) + self.omitted.total()

    def add(self, problem: Problem) -> None:
        """Keep `problem` if it is among the first `limit` of its code so far, else count it."""
        self._arrived += 1
        item = (-(problem.line or 0), -self._arrived, problem)
        heap = self._heaps.setdefault(problem.code, [])
        if len(heap) < self.limit:
            heapq.heappush(heap, item)
        elif item[:2] > heap[0][:2]:  # earlier than the latest kept one: it takes its place
            heapq.heapreplace(heap, item)
            self.omitted[problem.code] += 1
        else:
            self.omitted[problem.code] += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add every problem, in order."""
        for problem in problems:
            self.add(problem)

    def adopt(self, problems: Iterable[Problem], omitted: Counter[str]) -> None:
        """Take over what another part kept (in its report order) and counted."""
        self.extend(problems)
        self.omitted.update(omitted)

    def kept(self) -> tuple[Problem, ...]:
        """The kept problems in report order: line (none first), code, arrival."""
        items = [item for heap in self._heaps.values() for item in heap]
        items.sort(key=lambda item: (-item[0], item[2].code, -item[1]))
        return tuple(problem for *_, problem in items)

    def clear(self) -> None:
        """Forget everything."""
        self._heaps.clear()
        self.omitted.clear()
        self._arrived = 0
