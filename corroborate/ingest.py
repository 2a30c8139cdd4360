"""Ingest: turn paths (files, directories, ``-``) into raw ``Article``s or ``Rejection``s.

reads: file system / standard input; fills: Article.input, record, format,
title, raw_text, url, outlet, published, byline, extra.

The format is detected from the content, not the extension: a JSON array, JSON
Lines, an HTML page, a Markdown article with a metadata header, or plain text
whose first line is the headline.  Everything that cannot be read becomes a
``Rejection`` naming the input; the rest of the batch proceeds.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from . import errors
from .model import Article, Rejection
from .readers import read_html, read_json_value, read_text

SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits that keep one hostile input from exhausting memory.

    A single article (HTML, Markdown, text, or a JSON document read whole) is
    capped at ``max_file_bytes``; JSON Lines files are streamed, so only each
    line is capped (``max_record_bytes``) and the file itself may be any size.
    The defaults are far above any real news article (the GVA corpus's largest
    is 60 kB) and far below what would hurt a laptop.
    """

    max_file_bytes: int = 10 * 1024 * 1024
    max_record_bytes: int = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a display name and a way to open its bytes."""

    name: str
    path: Path | None  # None for standard input

    def open(self) -> io.BufferedReader:
        """Open for reading with a buffer large enough to sniff the format."""
        if self.path is None:
            return io.BufferedReader(_Unclosable(sys.stdin.buffer), SNIFF_BYTES)  # type: ignore[arg-type]
        return open(self.path, "rb", buffering=SNIFF_BYTES)


class _Unclosable(io.RawIOBase):
    """Standard input seen as a raw stream that closing does not close."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._stream.read1(len(buffer)) if hasattr(self._stream, "read1") else self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def iter_sources(paths: Iterable[str | os.PathLike]) -> Iterator[Source | Rejection]:
    """Expand paths into sources: directories recursively, in sorted order; ``-`` is stdin.

    Hidden files and directories (``.git``, ``.DS_Store``) are skipped.
    """
    for raw in paths:
        raw = os.fspath(raw)
        if raw == "-":
            yield Source("<stdin>", None)
            continue
        path = Path(raw)
        if path.is_dir():
            for sub in sorted(_walk(path)):
                yield Source(str(sub), sub)
        elif path.exists():
            yield Source(raw, path)
        else:
            yield Rejection(raw, "no such file or directory", "UnreadableInput")


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_inputs(
    paths: Iterable[str | os.PathLike],
    *,
    encoding: str | None = None,
    limits: Limits = Limits(),
) -> Iterator[tuple[str, list[Article | Rejection]]]:
    """Read every input; yield ``(input name, [Article | Rejection, ...])`` per source file.

    Grouping per file lets the store write one file's articles in one transaction.
    JSON Lines files are yielded in chunks so a huge file never sits in memory.
    """
    for source in iter_sources(paths):
        if isinstance(source, Rejection):
            yield source.input, [source]
            continue
        try:
            for chunk in _read_source(source, encoding, limits):
                yield source.name, chunk
        except errors.InputError as exc:
            yield source.name, [Rejection(exc.input, exc.reason, type(exc).__name__)]
        except OSError as exc:
            reason = exc.strerror or str(exc)
            yield source.name, [Rejection(source.name, f"cannot read: {reason}", "UnreadableInput")]


_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (unpack it first)",
    b"\x7fELF": "an executable",
    b"BZh": "a bzip2 archive (unpack it first)",
    b"\xfd7zXZ": "an xz archive (unpack it first)",
    b"SQLite format 3": "an SQLite database",
}


def _read_source(source: Source, encoding: str | None, limits: Limits) -> Iterator[list[Article | Rejection]]:
    with source.open() as raw:
        stream: BinaryIO = raw
        try:
            head = raw.peek(SNIFF_BYTES)[:SNIFF_BYTES]
            if head[:2] == b"\x1f\x8b":  # gzip: limits below apply to the unpacked bytes
                stream = io.BufferedReader(gzip.GzipFile(fileobj=raw), SNIFF_BYTES)  # type: ignore[arg-type]
                head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
            _refuse_binary(source.name, head)
            kind = sniff(_decode_head(source.name, head, encoding))
            if kind == "jsonl":
                yield from _read_jsonl(source.name, stream, encoding, limits)
                return
            data = stream.read(limits.max_file_bytes + 1)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise errors.UnreadableInput(source.name, f"corrupt gzip data: {exc}") from None
    if len(data) > limits.max_file_bytes:
        raise errors.InputTooLarge(
            source.name,
            f"larger than {limits.max_file_bytes / 1048576:g} MB, the limit for one article; "
            "split it, give it as JSON Lines, or raise --max-bytes",
        )
    if kind == "html":
        yield [_checked(read_html(source.name, decode_html(source.name, data, encoding)))]
    elif kind == "json":
        yield _read_json_document(source.name, decode(source.name, data, encoding))
    else:
        yield [_checked(read_text(source.name, decode(source.name, data, encoding)))]


def _refuse_binary(name: str, head: bytes) -> None:
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise errors.BinaryInput(name, f"this is {what}, not a news article")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head:
        raise errors.BinaryInput(name, "contains NUL bytes: a binary file, not text")


def sniff(head: str) -> str:
    """Name the format of a text from its first characters: jsonl, json, html or text."""
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0].strip()
        try:
            json.loads(first)
        except ValueError:
            return "json"  # a pretty-printed document, or a broken first line: read it whole
        return "jsonl"
    if _HTML_START.match(stripped) or len(_HTML_TAGS.findall(stripped[:8192])) >= 3:
        return "html"  # a page, or a fragment with real markup; one stray tag in prose is not HTML
    return "text"


_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|\?xml|!--)", re.I)
_HTML_TAGS = re.compile(r"</?(html|head|body|article|div|p|meta|title|span|br|a)[\s/>]", re.I)


def _decode_head(name: str, head: bytes, encoding: str | None) -> str:
    """Decode the sniffing window, tolerating a multi-byte character cut at its end."""
    enc = encoding or _bom_encoding(head) or "utf-8"
    try:
        return codecs.getincrementaldecoder(enc)(errors="strict").decode(head, final=False)
    except UnicodeDecodeError:
        # HTML may declare another charset further in; let decode_html decide.
        return head.decode("latin-1")
    except LookupError:
        raise errors.DecodeError(name, f"unknown encoding {encoding!r}") from None


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def decode(name: str, data: bytes, encoding: str | None = None) -> str:
    """Decode bytes strictly: the given encoding, a BOM, or UTF-8; never a silent guess.

    A wrong guess would put wrong characters (and so wrong names and numbers)
    into quotes an analyst will check, so undecodable input is rejected with
    the offset of the first bad byte and a hint to pass ``--encoding``.
    """
    enc = encoding or _bom_encoding(data) or "utf-8"
    try:
        return data.decode(enc)
    except LookupError:
        raise errors.DecodeError(name, f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise errors.DecodeError(
            name,
            f"not valid {enc} (byte 0x{bad} at offset {exc.start}); "
            "if you know the file's encoding pass --encoding, e.g. --encoding cp1252",
        ) from None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(name: str, data: bytes, encoding: str | None = None) -> str:
    """Decode an HTML page: explicit encoding, BOM, UTF-8, then the page's declared charset."""
    if encoding or _bom_encoding(data):
        return decode(name, data, encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        match = _META_CHARSET.search(data[:SNIFF_BYTES])
        if not match:
            raise
        declared = match.group(1).decode("ascii")
        return decode(name, data, declared)


def _checked(article: Article) -> Article:
    if not article.raw_text.strip():
        raise errors.EmptyArticle(article.input, "no article text found")
    return article


def _read_json_document(name: str, text: str) -> list[Article | Rejection]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise errors.InvalidRecord(name, f"invalid JSON: {exc}") from None
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        records, many = value["articles"], True
    elif isinstance(value, dict):
        records, many = [value], False
    elif isinstance(value, list):
        records, many = value, True
    else:
        raise errors.InvalidRecord(name, f"expected a JSON object or array of objects, got {type(value).__name__}")
    out: list[Article | Rejection] = []
    for index, record in enumerate(records):
        label = _record_label(name, record, index, many)
        out.append(_one_record(label, record, "json", str(index + 1) if many else None))
    return out


def _record_id(record: object) -> str | None:
    """The record's own ``id`` field, when it has a usable one."""
    if isinstance(record, dict):
        value = record.get("id")
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _record_label(name: str, record: object, index: int, many: bool) -> str:
    """``file#id`` when the record has an id, else ``file:N`` (line or item number)."""
    rid = _record_id(record)
    if rid is not None:
        return f"{name}#{rid}"
    return f"{name}:{index + 1}" if many else name


def _one_record(label: str, record: object, fmt: str, position: str | None) -> Article | Rejection:
    try:
        article = _checked(read_json_value(label, record, fmt))
    except errors.InputError as exc:
        return Rejection(exc.input, exc.reason, type(exc).__name__)
    article.record = _record_id(record) or position
    return article


JSONL_CHUNK = 500


def _read_jsonl(
    name: str, stream: BinaryIO, encoding: str | None, limits: Limits
) -> Iterator[list[Article | Rejection]]:
    enc = encoding or "utf-8"
    chunk: list[Article | Rejection] = []
    for lineno, raw in enumerate(_lines(stream, limits.max_record_bytes), start=1):
        label = f"{name}:{lineno}"
        if raw is None:
            chunk.append(Rejection(label, f"line longer than {limits.max_record_bytes} bytes", "InputTooLarge"))
        elif raw.strip():
            chunk.append(_jsonl_line(label, name, raw, enc, lineno))
        if len(chunk) >= JSONL_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _jsonl_line(label: str, name: str, raw: bytes, enc: str, lineno: int) -> Article | Rejection:
    if lineno == 1:
        raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        return Rejection(label, f"not valid {enc} (byte offset {exc.start} of the line)", "DecodeError")
    try:
        record = json.loads(text)
    except ValueError as exc:
        return Rejection(label, f"invalid JSON: {exc}", "InvalidRecord")
    return _one_record(_record_label(name, record, lineno - 1, True), record, "jsonl", str(lineno))


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Yield lines; an over-long line yields None (and is skipped) instead of filling memory."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # discard the rest of the over-long line
                rest = stream.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line
