"""Errors that reach the user as one clear line."""

from __future__ import annotations


class AbmError(Exception):
    """Base class: a problem the user can act on (exit code 1 in the CLI)."""


class DataError(AbmError):
    """Bad input data, located as precisely as possible."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class DatabaseError(AbmError):
    """The database cannot be opened or is not ours to change."""


class ValidationError(AbmError):
    """An edit that would break a rule (a reporting cycle, a missing name...)."""
