"""Shared fixtures: offscreen Qt, a private user data dir, databases via the app's factory."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never write into the real user data dir from tests.
os.environ["ABMDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="abmdesk-test-data-")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT.parent / "shared" / "samples"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def engine(db_path: Path):
    """A fresh, migrated database through the app's own engine factory."""
    from abmdesk.db.migrate import open_database

    eng = open_database(db_path)
    yield eng
    eng.dispose()


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present")
    return SAMPLES
