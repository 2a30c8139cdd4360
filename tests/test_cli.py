"""The CLI end to end on the bundled sample corpus."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

from corroborate.cli import main


def test_analyze_json_follows_the_dossier_contract(tmp_path, capsys):
    assert main(["analyze", str(SAMPLES), "--db", str(tmp_path / "d.db"), "--quiet"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"articles", "events", "rejected", "copies", "independent_sources"} <= set(out)
    assert out["rejected"] == []
    assert len(out["articles"]) == 6
    for a in out["articles"]:
        assert {"id", "input", "outlet", "url", "title", "published", "byline", "wire", "language"} <= set(a)
        assert a["input"].startswith(str(SAMPLES))
    by_title = {a["title"]: a for a in out["articles"]}
    wire = by_title["Car bomb kills at least 12 at market in northern Mali"]
    assert (wire["outlet"], wire["wire"], wire["published"]) == ("Reuters", "Reuters", "2021-03-10T07:15:00+00:00")
    copy = by_title["Car bomb kills 12 at Gao market"]
    assert (copy["outlet"], copy["wire"], copy["format"]) == ("Sahel Daily", "Reuters", "html")
    local = by_title["Gao: market bombing toll rises to 15, hospital says"]
    assert local["outlet"] is None and local["published"] is None  # plain text: nothing to infer from
    [copy_row] = out["copies"]
    assert (copy_row["article"], copy_row["copied_from"]) == (copy["id"], wire["id"])
    assert copy_row["share"] > 0.5 and len(copy_row["passages"]) >= 3
    assert out["independent_sources"] == 5  # six articles, one of them a copy of the wire story
    dayton = by_title["Two wounded in Dayton shooting outside bar"]
    assert dayton["input"].endswith("ohio.jsonl#oh-001") and dayton["record"] == "oh-001"


def test_analyze_output_is_byte_identical_across_runs(tmp_path, capsys):
    main(["analyze", str(SAMPLES), "--db", str(tmp_path / "1.db"), "--quiet"])
    first = capsys.readouterr().out
    main(["analyze", str(SAMPLES), "--db", str(tmp_path / "2.db"), "--quiet"])
    assert capsys.readouterr().out == first


def test_analyze_markdown_shows_articles_and_removed_boilerplate(tmp_path, capsys):
    main(["analyze", str(SAMPLES), "--db", str(tmp_path / "d.db"), "--format", "md", "--quiet"])
    md = capsys.readouterr().out
    assert "| Sahel Daily | Reuters |" in md
    assert "[advertisement] ADVERTISEMENT" in md


def test_ingest_then_list_articles_and_rejected(tmp_path, write, capsys):
    bad = write("bad.bin", b"\x00\x00")
    db = str(tmp_path / "d.db")
    assert main(["ingest", str(SAMPLES), str(bad), "--db", db]) == 3
    assert "6 new articles" in capsys.readouterr().err
    main(["articles", "--db", db])
    rows = capsys.readouterr().out.strip().split("\n")
    assert len(rows) == 6 and all(len(r.split("\t")) == 5 for r in rows)
    main(["rejected", "--db", db])
    assert "bad.bin\tBinaryInput" in capsys.readouterr().out


def test_show_unknown_event_is_a_clear_error(tmp_path, capsys):
    assert main(["show", "nope", "--db", str(tmp_path / "d.db")]) == 1
    assert "no event 'nope'" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli_and_writes_output_file(tmp_path):
    out = tmp_path / "dossier.json"
    proc = subprocess.run(
        [sys.executable, "-m", "corroborate", "analyze", str(SAMPLES / "gao-wire.md"), "--db", str(tmp_path / "d.db"),
         "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text())["articles"][0]["wire"] == "Reuters"


def test_every_command_has_help_with_an_example():
    for cmd in ["analyze", "ingest", "articles", "rejected", "events", "show"]:
        proc = subprocess.run([sys.executable, "-m", "corroborate", cmd, "--help"], capture_output=True, text=True)
        assert proc.returncode == 0 and "Example:" in proc.stdout, cmd


def test_analyze_json_file_is_the_same_bytes_as_stdout_and_as_to_json(tmp_path, capsys):
    """The JSON dossier is written in pieces; the file, standard output and ``render.to_json`` agree."""
    from corroborate import analyze, render

    src = tmp_path / "a.md"
    src.write_text("# Bridge reopens in Tarnwick\n\nThe old bridge in Tarnwick reopened on Monday after two years "
                   "of repairs, the town council said.\n", encoding="utf-8")
    out = tmp_path / "d.json"
    assert main(["analyze", str(src), "--db", str(tmp_path / "d.db"), "-o", str(out)]) == 0
    assert main(["analyze", str(src), "--db", str(tmp_path / "e.db")]) == 0
    expected = render.to_json(analyze([src], db=str(tmp_path / "f.db")))
    assert out.read_text(encoding="utf-8") == capsys.readouterr().out == expected
    assert not (tmp_path / "d.json.tmp").exists()


def test_a_failed_render_leaves_no_output_file(tmp_path):
    from corroborate.cli import _write

    def pieces():
        yield "{"
        raise RuntimeError("renderer broke")

    out = tmp_path / "d.json"
    with pytest.raises(RuntimeError):
        _write(pieces(), str(out))
    assert not out.exists() and not (tmp_path / "d.json.tmp").exists()
