"""Shared fixtures: a fresh store, paths to the shared evaluation data, a writer for input files."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
SAMPLES = ROOT / "samples"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"evaluation seeds not found at {SEEDS}")
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"evaluation data not found at {DATA}")


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.db"


@pytest.fixture
def write(tmp_path):
    """write(name, content) -> path; bytes are written as-is, str as UTF-8."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return _write
