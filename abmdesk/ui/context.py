"""What every tab shares: the open database, the formatter and the task runner."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from abmdesk.ui.formatting import Formatter
from abmdesk.ui.tasks import TaskRunner


@dataclass
class AppContext:
    """Mutable on purpose: opening another database swaps ``engine`` and ``db_path``."""

    engine: Engine
    db_path: Path
    fmt: Formatter
    runner: TaskRunner
