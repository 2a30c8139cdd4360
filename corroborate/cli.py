"""Command line: a thin layer that parses arguments, calls the library and prints.

Exit status: 0 success; 1 an error stopped the command; 2 bad usage;
3 the command finished but some inputs were rejected (listed on stderr and
in the store's ``rejected`` table).
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Iterable, Sequence

from . import __version__, render
from .errors import CorroborateError
from .ingest import Limits, Source, iter_sources
from .pipeline import analyze, ingest_paths
from .store import Store

EXIT_REJECTED = 3


def _store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="corroborate.db", metavar="PATH",
                   help="SQLite store to use (default: %(default)s; created if missing)")


def _input_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("input")
    g.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, directories (read recursively) or - for standard input")
    g.add_argument("--encoding", metavar="NAME",
                   help="decode inputs with this encoding instead of UTF-8 (e.g. cp1252)")
    g.add_argument("--max-bytes", type=int, default=Limits().max_file_bytes, metavar="N",
                   help="largest single article file to read, in bytes (default: %(default)s); "
                        "JSON Lines files are streamed and only each line is limited")
    g.add_argument("--workers", type=_positive, default=None, metavar="N",
                   help="processes that clean and extract articles (default: one per CPU); "
                        "the output is the same for any N")
    g.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return n


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="corroborate",
        description="Turn many news reports into one cited dossier per real-world event.",
    )
    parser.add_argument("--version", action="version", version=f"corroborate {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("analyze", help="ingest inputs, run every stage and print the dossier",
                       description=cmd_analyze.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    _input_options(p)
    p.add_argument("--format", choices=sorted(render.RENDERERS), default="json", help="output format (default: json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the dossier here instead of standard output")
    _store_option(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("ingest", help="read, clean and store inputs; place new articles in events",
                       description=cmd_ingest.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    _input_options(p)
    _store_option(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("articles", help="list stored articles", description=cmd_articles.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _store_option(p)
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("rejected", help="list inputs that were rejected, with the reason",
                       description=cmd_rejected.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    _store_option(p)
    p.set_defaults(func=cmd_rejected)

    p = sub.add_parser("copies", help="find and list articles that reuse each other's text",
                       description=cmd_copies.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    _store_option(p)
    p.set_defaults(func=cmd_copies)

    p = sub.add_parser("events", help="list events in the store", description=cmd_events.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _store_option(p)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("cluster", help="regroup all stored articles into events (batch mode)",
                       description=cmd_cluster.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quiet", action="store_true", help="no summary on stderr")
    _store_option(p)
    p.set_defaults(func=cmd_cluster)

    p = sub.add_parser("show", help="print one event's dossier", description=cmd_show.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("event", metavar="EVENT", help="event id, as listed by `corroborate events`")
    p.add_argument("--format", choices=sorted(render.RENDERERS), default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write the dossier here instead of standard output")
    _store_option(p)
    p.set_defaults(func=cmd_show)

    from .export import EXPORTERS

    p = sub.add_parser("export", help="write one row per event: csv, jsonl, ACLED, UCDP or GeoJSON",
                       description=cmd_export.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--format", choices=sorted(EXPORTERS), default="csv", help="(default: %(default)s)")
    p.add_argument("--event", action="append", metavar="EVENT", help="only this event (repeatable)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    _store_option(p)
    p.set_defaults(func=cmd_export)
    return parser.parse_args(argv)


def _progress(args: argparse.Namespace) -> tuple[Callable[[str], None] | None, Callable[[], None]]:
    """A tqdm bar on stderr, only on a terminal and only for more than one input file."""
    if args.quiet or not sys.stderr.isatty():
        return None, lambda: None
    total = sum(1 for s in iter_sources(args.paths) if isinstance(s, Source))
    if total < 2:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False)
    return (lambda _name: bar.update(1)), bar.close


def _report_rejected(rejected: list, quiet: bool) -> int:
    if not rejected:
        return 0
    if not quiet:
        for r in rejected:
            print(f"rejected: {r.input}: {r.error}: {r.reason}", file=sys.stderr)
    return EXIT_REJECTED


def cmd_analyze(args: argparse.Namespace) -> int:
    """Ingest the inputs, run every stage, and print the dossier of those inputs.

    Example:
        corroborate analyze articles/ --format json > dossier.json
    """
    tick, done = _progress(args)
    try:
        dossier = analyze(args.paths, db=args.db, encoding=args.encoding,
                          limits=Limits(max_file_bytes=args.max_bytes), progress=tick, workers=args.workers)
    finally:
        done()
    _write(_rendered(dossier, args.format), args.output)
    return _report_rejected(dossier.rejected, args.quiet)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Read, clean and store inputs, and place each new article in an event (streaming mode):
    it joins the stored event it fits or opens a new one.  Re-ingesting the same input changes nothing.

    Example:
        corroborate ingest feeds/2019-11/ --db mali.db
    """
    tick, done = _progress(args)
    try:
        with Store(args.db) as store:
            report = ingest_paths(store, args.paths, encoding=args.encoding,
                                  limits=Limits(max_file_bytes=args.max_bytes), progress=tick,
                                  workers=args.workers)
    finally:
        done()
    c = report.counts
    if not args.quiet:
        print(f"{report.sources} inputs: {c['new']} new articles, {c['updated']} updated, "
              f"{c['unchanged']} unchanged, {c['duplicate']} duplicates, {c['rejected']} rejected; "
              f"{report.placed} placed in events ({report.opened} new events) -> {args.db}", file=sys.stderr)
    return _report_rejected(report.rejected, args.quiet)


def cmd_articles(args: argparse.Namespace) -> int:
    """List stored articles: id, published, outlet, wire, title (tab-separated).

    Example:
        corroborate articles --db mali.db | sort -k2
    """
    with Store(args.db) as store:
        for a in store.iter_articles():
            print("\t".join([a.id, a.published or "", a.outlet or "", a.wire or "", a.title]))
    return 0


def cmd_rejected(args: argparse.Namespace) -> int:
    """List rejected inputs with the error and the reason (tab-separated).

    Example:
        corroborate rejected --db mali.db
    """
    with Store(args.db) as store:
        for r in store.rejected():
            print("\t".join([r.input, r.error, r.reason]))
    return 0


def cmd_copies(args: argparse.Namespace) -> int:
    """Detect reuse across every article in the store and list the pairs (tab-separated):
    article a, article b, share of a reused, share of b reused, passages, origin, why.

    Example:
        corroborate copies --db mali.db | sort -t$'\t' -k3 -nr | head
    """
    from .pipeline import find_copies

    with Store(args.db) as store:
        for r in find_copies(store):
            if r.passages:
                print("\t".join([r.a, r.b, f"{r.share_a:.3f}", f"{r.share_b:.3f}", str(len(r.passages)),
                                 r.origin, r.because]))
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    """List the events in the store: id, first report's date, articles, headline (tab-separated).

    `ingest` places each new article in an event as it arrives; `analyze` and
    `cluster` group in batch mode.

    Example:
        corroborate events --db mali.db | sort -t$'\t' -k3 -nr | head
    """
    from .pipeline import stored_events

    with Store(args.db) as store:
        events = stored_events(store)
        published = {a.id: a.published for a in store.articles([e.articles[0] for e in events])}
    for e in events:
        print("\t".join([e.id, (published.get(e.articles[0]) or "")[:10], str(len(e.articles)), e.headline]))
    return 0


def cmd_cluster(args: argparse.Namespace) -> int:
    """Regroup every stored article into events in batch mode (replaces the streaming placement).

    Example:
        corroborate cluster --db mali.db && corroborate events --db mali.db
    """
    from .pipeline import group

    with Store(args.db) as store:
        articles = list(store.iter_articles())
        events = group(store, articles)
    if not args.quiet:
        print(f"{len(articles)} articles -> {len(events)} events in {args.db}", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print one event's dossier: brief, figures with their status, disputes, timeline, related
    events, and the articles with their claims.

    Example:
        corroborate show ev-4543bc1bbdbd8c87 --format html -o mali.html
    """
    from .pipeline import stored_dossier

    with Store(args.db) as store:
        dossier = stored_dossier(store, [args.event])
    _write(_rendered(dossier, args.format), args.output)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write every stored event (or those given with --event), one row each, reconciled.

    csv and geojson carry the same columns (documented in the README); acled and ucdp use those
    datasets' column names; jsonl is the dossier contract's event objects, one per line.

    Example:
        corroborate export --format acled --db mali.db -o mali_acled.csv
    """
    from .export import EXPORTERS
    from .pipeline import stored_dossier

    with Store(args.db) as store:
        dossier = stored_dossier(store, args.event)
    _write(EXPORTERS[args.format](dossier.events), args.output)
    return 0


def _rendered(dossier, fmt: str) -> str | Iterable[str]:
    """The dossier in ``fmt``: JSON as pieces (an article, an event, ...) written as they are made,
    so a large dossier is never held as one string; the other formats whole."""
    return render.iter_json(dossier) if fmt == "json" else render.RENDERERS[fmt](dossier)


def _write(text: str | Iterable[str], output: str | None) -> None:
    """Write ``text`` (a string, or its pieces in order) to ``output`` (a temporary file renamed
    into place once complete, so a failure leaves no half-written output), or to standard output."""
    pieces = [text] if isinstance(text, str) else text
    if not output:
        for piece in pieces:
            sys.stdout.write(piece)
        return
    import os

    tmp = f"{output}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            for piece in pieces:
                fh.write(piece)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    os.replace(tmp, output)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return args.func(args)
    except CorroborateError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
