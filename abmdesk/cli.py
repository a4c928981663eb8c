"""Command line: ``python -m abmdesk [subcommand]`` (SPEC section 4).

No GUI import happens unless the GUI is opened. Errors are one line on stderr:
exit 1 for bad data, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from abmdesk.errors import AbmError

log = logging.getLogger("abmdesk")


class UsageError(Exception):
    """Bad usage found after parsing (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: ANN201 - argparse's hook
        self.exit(2, f"{self.prog}: error: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


IMPORT_FORMATS = [
    "auto",
    "native",
    "hubspot",
    "salesforce",
    "pipedrive",
    "linkedin",
    "google",
    "outlook",
    "vcard",
    "ics",
]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="abmdesk", description="ABM Desk: account-based marketing desk.")
    parser.add_argument("--db", type=Path, help="database file for the GUI")
    parser.add_argument("--demo", action="store_true", help="open the GUI on the demo database")
    parser.add_argument("--lang", choices=["fr", "en"], help="GUI language")
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    db = _Parser(add_help=False)
    db.add_argument("--db", type=Path, required=True, help="database file (created if missing)")

    p = sub.add_parser("demo", parents=[db], help="fill a database with demo data")
    p.add_argument("--size", choices=["small", "large"], default="small")
    p.add_argument("--seed", type=int, default=1)

    p = sub.add_parser("import", parents=[db], help="import a data bundle or other tools' files")
    p.add_argument("--format", choices=IMPORT_FORMATS, default="auto")
    p.add_argument("--account", metavar="NAME", help="account for contacts with no company")
    p.add_argument("--dry-run", action="store_true", help="report, write nothing")
    p.add_argument("--undo", metavar="BATCH", help="take back the import batch BATCH")
    p.add_argument("paths", type=Path, nargs="*", metavar="PATH")

    p = sub.add_parser(
        "export", parents=[db], help="export the data bundle, or one table for other tools"
    )
    p.add_argument("--format", choices=["native", "csv", "xlsx", "vcard"], default="native")
    p.add_argument(
        "--what",
        choices=["accounts", "stakeholders", "interactions", "deals"],
        help="the table to export as csv or xlsx (vcard: stakeholders)",
    )
    p.add_argument(
        "--sep", choices=[";", ","], help="CSV separator: ';' for French Excel (default), ','"
    )
    p.add_argument(
        "folder", type=Path, metavar="DIR|OUTPUT", help="native: a folder; else the file to write"
    )

    p = sub.add_parser("settings", parents=[db], help="list, get or set settings")
    ssub = p.add_subparsers(dest="action", required=True, parser_class=_Parser)
    ssub.add_parser("list")
    g = ssub.add_parser("get")
    g.add_argument("key")
    s = ssub.add_parser("set")
    s.add_argument("key")
    s.add_argument("value")

    p = sub.add_parser("kpis", parents=[db], help="the seven KPIs over a period")
    p.add_argument("--from", dest="date_from", type=_date, required=True, metavar="F")
    p.add_argument("--to", dest="date_to", type=_date, required=True, metavar="T")
    p.add_argument("--json", action="store_true", help="print the JSON object of SPEC 4")

    p = sub.add_parser("report", parents=[db], help="the board report (PDF) over a period")
    p.add_argument("--from", dest="date_from", type=_date, required=True, metavar="F")
    p.add_argument("--to", dest="date_to", type=_date, required=True, metavar="T")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="the PDF to write")
    p.add_argument("--lang", choices=["fr", "en"], default="fr", help="report language (fr)")

    p = sub.add_parser("screenshots", parents=[db], help="render every screen to PNG (offscreen)")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the PNGs")
    p.add_argument("--lang", choices=["fr", "en"], default="fr", help="GUI language (fr)")
    return parser


def _open(path: Path):  # noqa: ANN202
    from abmdesk.services.database import open_db

    return open_db(path)


def _cmd_demo(args: argparse.Namespace) -> int:
    from abmdesk.services.demo import generate_demo

    engine = _open(args.db)
    summary = generate_demo(engine, size=args.size, seed=args.seed)
    print(summary.describe())
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    if args.undo is not None:
        if args.paths or args.dry_run or args.account:
            raise UsageError("--undo BATCH takes no PATH, --account nor --dry-run")
        from abmdesk.services.imports import parse_batch_id, undo_import

        batch = parse_batch_id(args.undo)
        print(undo_import(_open(args.db), batch).describe())
        return 0
    if not args.paths:
        raise UsageError("import needs a PATH (or --undo BATCH)")
    fmt = args.format
    if fmt == "native" or (fmt == "auto" and len(args.paths) == 1 and args.paths[0].is_dir()):
        return _import_bundle(args)
    from abmdesk.services.imports import import_files

    for path in args.paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file")
        if path.is_dir():
            raise UsageError(f"{path}: a folder (only a native bundle is a folder)")
    result = import_files(
        _open(args.db), args.paths, fmt, account=args.account, dry_run=args.dry_run
    )
    print(result.describe())
    return 1 if result.refused else 0


def _import_bundle(args: argparse.Namespace) -> int:
    from abmdesk.services.bundle import import_bundle

    if len(args.paths) != 1:
        raise UsageError("--format native takes one folder")
    if args.account or args.dry_run:
        raise UsageError("--account and --dry-run are for other tools' files, not a bundle")
    folder = args.paths[0]
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    engine = _open(args.db)
    report = import_bundle(engine, folder)
    print(report.describe())
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    if args.format != "native":
        return _cmd_export_table(args)
    if args.what or args.sep:
        raise UsageError("--what and --sep are for --format csv, xlsx or vcard")
    from abmdesk.services.bundle import export_bundle

    engine = _open(args.db)
    report = export_bundle(engine, args.folder)
    print(report.describe())
    return 0


def _cmd_export_table(args: argparse.Namespace) -> int:
    what = args.what or ("stakeholders" if args.format == "vcard" else None)
    if what is None:
        raise UsageError(f"--format {args.format} needs --what (accounts, stakeholders, ...)")
    if args.format == "vcard" and what != "stakeholders":
        raise UsageError("--format vcard exports the stakeholders (--what stakeholders)")
    if args.sep and args.format != "csv":
        raise UsageError("--sep is for --format csv")
    if args.folder.is_dir():
        raise UsageError(f"{args.folder}: a folder; give the file to write")
    from abmdesk.services.exports import export_table

    engine = _open(args.db)
    result = export_table(engine, what, args.folder, args.format, sep=args.sep or ";")
    print(result.describe())
    return 0


def _cmd_settings(args: argparse.Namespace) -> int:
    from abmdesk.services import settings

    engine = _open(args.db)
    if args.action == "list":
        for key, value in settings.list_settings(engine).items():
            print(f"{key}={value}")
    elif args.action == "get":
        print(settings.get_setting(engine, args.key))
    else:
        print(f"{args.key}={settings.set_setting(engine, args.key, args.value)}")
    return 0


def _cmd_kpis(args: argparse.Namespace) -> int:
    if args.date_from > args.date_to:
        raise UsageError("--from must not be after --to")
    from abmdesk.services.kpis import compute_kpis, format_kpis_table

    engine = _open(args.db)
    result = compute_kpis(engine, args.date_from, args.date_to)
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, allow_nan=False))
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_kpis_table(result))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    if args.date_from > args.date_to:
        raise UsageError("--from must not be after --to")
    from abmdesk.reports.board import ReportError, build_report, check_output, ensure_application

    try:
        check_output(args.out)
    except ReportError as exc:
        raise UsageError(str(exc)) from None
    engine = _open(args.db)
    try:
        ensure_application()
        summary = build_report(engine, args.date_from, args.date_to, args.out, args.lang)
    finally:
        engine.dispose()
    print(summary.describe())
    return 0


def _cmd_screenshots(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"{args.out}: not a folder")
    from abmdesk.tools.screenshots import render_screenshots

    _open(args.db).dispose()  # created or migrated, and a bad file fails here in one line
    for shot in render_screenshots(args.db, args.out, args.lang):
        print(f"{shot.path}  ({shot.what})")
    return 0


COMMANDS = {
    "demo": _cmd_demo,
    "import": _cmd_import,
    "export": _cmd_export,
    "settings": _cmd_settings,
    "kpis": _cmd_kpis,
    "report": _cmd_report,
    "screenshots": _cmd_screenshots,
}


def _run_gui(args: argparse.Namespace) -> int:
    from abmdesk.app import run_gui

    return run_gui(db_path=args.db, demo=args.demo, lang=args.lang, smoke_test=args.smoke_test)


def setup_logging() -> None:
    """Log to a file in the user data dir (a windowed app has no stdout)."""
    if log.handlers:
        return
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        from abmdesk.paths import log_path

        handler: logging.Handler = logging.FileHandler(log_path(), encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)


def _ensure_streams() -> None:
    """A windowed frozen app may have no stdout/stderr: print to nowhere, log to the file."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name, None) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    _ensure_streams()
    setup_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _run_gui(args)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"abmdesk: error: {exc}", file=sys.stderr)
        return 2
    except AbmError as exc:
        print(f"abmdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("abmdesk: interrupted", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except Exception as exc:  # one clear line, never a traceback
        log.exception("unexpected error")
        print(f"abmdesk: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
