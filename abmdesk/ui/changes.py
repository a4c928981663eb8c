"""What an operation changed, so that each view reloads only what it shows.

After the pattern of Anki's ``OpChanges``: an operation (a service call that
writes) returns or declares a ``Changes``; the main window hands it to every tab,
and a tab reloads only when a kind it displays is named.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    accounts: bool = False
    stakeholders: bool = False
    interactions: bool = False
    deals: bool = False
    contracts: bool = False
    costs: bool = False
    settings: bool = False
    #: Another database was opened: everything is new.
    database: bool = False

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def touches(self, *kinds: str) -> bool:
        """True when any of ``kinds`` (field names) changed, or the whole database did."""
        return self.database or any(getattr(self, kind) for kind in kinds)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def kinds(self) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name)]
