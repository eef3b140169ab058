"""A set of texts held as 64-bit hashes in one flat array: 16 bytes or less per text, whatever its length.

Every event id of a stream must be remembered to refuse a later duplicate (`event.duplicate-id`),
so that memory grows with the events seen; so must the keys whose first trigger was decided when
nothing in the vocabulary closes them (a 315's request: `ledger.py`). A Python `set` of the ids costs
about 90 bytes per id (the text object and its slot); this table keeps only `hash(text)` in an
`array('q')` with open addressing (linear probing, at most half full): 8 bytes per slot, 10-16 bytes
per id, one object.

The cost of that compactness is a bounded chance of a false duplicate: two different ids with the
same 64-bit hash. Python's string hash is SipHash keyed at random per process, so an input cannot
be crafted to collide (unless `PYTHONHASHSEED` fixes the key), and for n ids the chance that any
two collide is below n² / 2⁶⁵: 3·10⁻⁸ for a million ids, 3·10⁻⁶ for ten million.
"""

from __future__ import annotations

from array import array

_EMPTY = 0  # `hash()` of a text may be 0: it is stored as 1 (one more way to collide, no less sound)
_START = 1 << 10


class HashSet:
    """Texts remembered by their 64-bit hash: `add` says whether a text (or a colliding one) was there."""

    __slots__ = ("_mask", "_size", "_table")

    def __init__(self) -> None:
        self._table = array("q", bytes(8 * _START))
        self._mask = _START - 1
        self._size = 0

    def __len__(self) -> int:
        """How many texts were added."""
        return self._size

    def __contains__(self, text: object) -> bool:
        """Whether `text` (or one with the same hash) was added."""
        code = hash(text) or 1
        table, mask = self._table, self._mask
        index = code & mask
        while (value := table[index]) != _EMPTY:
            if value == code:
                return True
            index = (index + 1) & mask
        return False

    def add(self, text: str) -> bool:
        """Remember `text`; False if it (or one with the same hash) was already there."""
        code = hash(text) or 1
        table, mask = self._table, self._mask
        index = code & mask
        while (value := table[index]) != _EMPTY:
            if value == code:
                return False
            index = (index + 1) & mask
        table[index] = code
        self._size += 1
        if self._size * 2 > mask:
            self._grow()
        return True

    def discard(self, text: str) -> None:
        """Forget `text` (and any text with the same hash), if it was there.

        Linear probing without tombstones: the entries after the freed slot that no longer find their
        way home past it move back into it (backward-shift deletion), so a lookup still stops at the
        first empty slot and the table never fills up with the remains of forgotten texts.
        """
        code = hash(text) or 1
        table, mask = self._table, self._mask
        index = code & mask
        while (value := table[index]) != code:
            if value == _EMPTY:
                return
            index = (index + 1) & mask
        hole, probe = index, index
        while (value := table[probe := (probe + 1) & mask]) != _EMPTY:
            home = value & mask
            if (probe - home) & mask >= (probe - hole) & mask:  # its home lies at or before the hole
                table[hole] = value
                hole = probe
        table[hole] = _EMPTY
        self._size -= 1

    @property
    def nbytes(self) -> int:
        """The memory of the table itself."""
        return self._table.itemsize * len(self._table)

    def _grow(self) -> None:
        old = self._table
        size = len(old) * 2
        table, mask = array("q", bytes(8 * size)), size - 1
        for code in old:
            if code != _EMPTY:
                index = code & mask
                while table[index] != _EMPTY:
                    index = (index + 1) & mask
                table[index] = code
        self._table, self._mask = table, mask


class RecentIds:
    """The last `size` to `2 * size` texts added, in two generations of `HashSet`: memory bounded, not exact.

    For a part of a stream whose ids also go to disk (`parallel.py`): a duplicate of a recent id is
    refused at once; one of an id forgotten here is found when the parts' id runs are merged, and that
    part runs again, told which ids were taken where. So the report is exact and memory stays bounded.
    """

    __slots__ = ("_current", "_previous", "_size")

    def __init__(self, size: int) -> None:
        self._current, self._previous, self._size = HashSet(), HashSet(), size

    def __len__(self) -> int:
        """How many texts are remembered now."""
        return len(self._current) + len(self._previous)

    def __contains__(self, text: object) -> bool:
        """Whether `text` is among the recent texts."""
        return text in self._current or text in self._previous

    def add(self, text: str) -> bool:
        """Remember `text`; False if it is among the recent texts."""
        if text in self._previous or not self._current.add(text):
            return False
        if len(self._current) >= self._size:
            self._current, self._previous = HashSet(), self._current
        return True
