"""Which applications a planning pass looks at: all of them, an id range, or a few ids."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlanScope:
    """``ids``: exactly these applications; else ``first``..``last`` (inclusive, either
    open); neither: every application."""

    ids: tuple[int, ...] | None = None
    first: int | None = None
    last: int | None = None

    @classmethod
    def of(cls, ids: list[int] | tuple[int, ...] | set[int]) -> PlanScope:
        return cls(ids=tuple(sorted(set(ids))))

    @classmethod
    def between(cls, first: int, last: int) -> PlanScope:
        return cls(first=first, last=last)

    @property
    def everything(self) -> bool:
        return self.ids is None and self.first is None and self.last is None

    def sql(self, column: str) -> tuple[str, tuple[int, ...]]:
        """A condition on ``column`` (an application id) and its parameters."""
        if self.ids is not None:
            if not self.ids:
                return "0", ()
            return f"{column} IN ({', '.join('?' * len(self.ids))})", self.ids
        parts: list[str] = []
        params: list[int] = []
        if self.first is not None:
            parts.append(f"{column} >= ?")
            params.append(self.first)
        if self.last is not None:
            parts.append(f"{column} <= ?")
            params.append(self.last)
        return (" AND ".join(parts) or "1"), tuple(params)

    def holds(self, application_id: int | None) -> bool:
        if application_id is None:
            return self.everything
        if self.ids is not None:
            return application_id in self.ids
        return (self.first is None or application_id >= self.first) and (
            self.last is None or application_id <= self.last
        )


EVERYTHING = PlanScope()
