"""The public surface: ``__all__`` matches what the package exports; README documents every command."""

from __future__ import annotations

import re

from conftest import ROOT

import corroborate
from corroborate.cli import parse_args


def test_all_lists_exactly_the_public_names():
    public = {n for n in vars(corroborate) if not n.startswith("_") and not _is_module(getattr(corroborate, n))}
    assert set(corroborate.__all__) - {"__version__"} == public


def _is_module(obj: object) -> bool:
    return type(obj).__name__ == "module"


def test_readme_documents_every_cli_command():
    readme = (ROOT / "README.md").read_text()
    import argparse

    commands = re.findall(r'sub\.add_parser\("([a-z]+)"', (ROOT / "corroborate" / "cli.py").read_text())
    assert commands, "no commands found"
    for cmd in commands:
        assert f"corroborate {cmd}" in readme, cmd
    assert isinstance(parse_args(["events"]), argparse.Namespace)


def test_readme_gives_exactly_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
