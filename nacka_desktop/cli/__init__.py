"""Command line: `nacka-desktop [--db DB]` opens the window; `demo` and `check` run headless."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from nacka_desktop import __version__
from nacka_desktop.domain.dates import today
from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import RuleViolationError, Violation
from nacka_desktop.signing.errors import Problem, SigningError
from nacka_desktop.storage.errors import DatabaseOpenError, DatabaseReadOnlyError

if TYPE_CHECKING:
    from nacka_desktop.domain.letterhead import Letterhead
    from nacka_desktop.exports.letters._layout import WrittenLetter
    from nacka_desktop.services.context import Services

EXIT_OK = 0
EXIT_RULE_ERRORS = 1
EXIT_USAGE = 2
EXIT_CANNOT_OPEN = 3
EXIT_CANNOT_WRITE = 4


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"ogiltigt datum {text!r}, använd ÅÅÅÅ-MM-DD") from error


def _depth(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"ogiltigt djup {text!r}, ange ett heltal 0 eller mer")
    return value


def build_parser() -> argparse.ArgumentParser:
    db_help = "databasfil (SQLite) eller SQLAlchemy-URL, t.ex. postgresql+psycopg://…"
    parser = argparse.ArgumentParser(
        prog="nacka-desktop",
        description="Nacka Desktop: organisation och ansvarslinjer i en kommun. "
        "Utan kommando öppnas fönstret.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help=db_help)
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    demo = commands.add_parser("demo", help="skapa exempelorganisationen i en ny databas")
    demo.add_argument("--db", help=db_help, dest="sub_db")
    demo.add_argument("--force", action="store_true", help="ersätt en befintlig fil")
    demo.add_argument(
        "--scale",
        metavar="SKALA",
        help="bygg en stor organisation i stället för exemplet: nacka (600 enheter), "
        "stockholm (5 000) eller ett antal enheter (minst 50)",
    )

    check = commands.add_parser(
        "check", help="kontrollera reglerna; avslutas med 1 om något fel (error) finns"
    )
    check.add_argument("--db", help=db_help, dest="sub_db")
    check.add_argument("--on", type=_iso_date, help="datum att kontrollera (standard: i dag)")
    check.add_argument("--json", action="store_true", help="skriv resultatet som JSON")

    from nacka_desktop.cli.rights import add_commands

    add_commands(commands, db_help, _iso_date)
    from nacka_desktop.cli.audit import add_commands as add_audit_commands

    add_audit_commands(commands, db_help)

    export = commands.add_parser("export", help="skriv brev (PDF) och register (Excel)")
    export_kinds = export.add_subparsers(dest="export_kind", metavar="SORT", required=True)
    letter = export_kinds.add_parser("letter", help="ett brev som PDF")
    letter.add_argument(
        "letter_kind",
        choices=["distribution", "return", "order", "delegate"],
        help="distribution/return: arbetsmiljöuppgifter; order: en nämnds delegationsordning; "
        "delegate: delegeringsbrev till en person",
    )
    letter.add_argument("object_id", type=int, metavar="ID", help="id (för delegate: personens)")
    letter.add_argument("--on", type=_iso_date, help="per datum (standard: i dag)")
    report = export_kinds.add_parser("report", help="en rapport som PDF")
    report.add_argument(
        "report_kind",
        choices=["decisions", "separate"],
        help="decisions: delegationsbeslut att anmäla till nämnden; separate: särskilt "
        "protokoll över beslut som inte anmäls men kan laglighetsprövas (DEL-11)",
    )
    report.add_argument("--board", required=True, help="nämndens namn eller kod, t.ex. KS")
    report.add_argument(
        "--all",
        action="store_true",
        help="decisions: ta med beslut som redan anmälts (standard: bara de som inte anmälts)",
    )
    register = export_kinds.add_parser("register", help="ett register som Excel-fil")
    register.add_argument(
        "register_kind",
        choices=["distributions", "delegations", "decisions"],
        help="vilket register",
    )
    register.add_argument("--on", type=_iso_date, help="datum för status (standard: i dag)")
    for sub in (report, register):
        sub.add_argument("--from", type=_iso_date, dest="first", help="från och med datum")
        sub.add_argument("--to", type=_iso_date, dest="last", help="till och med datum")
    template = export_kinds.add_parser("template", help="en importmall som Excel-fil")
    template.add_argument("template_kind", choices=["delegations"], help="vilken mall")
    orgchart = export_kinds.add_parser(
        "orgchart", help="organisationsschemat som PDF eller SVG (efter filändelsen)"
    )
    orgchart.add_argument("--on", type=_iso_date, help="per datum (standard: i dag)")
    orgchart.add_argument("--unit", metavar="KOD", help="bara grenen under enheten med koden")
    orgchart.add_argument(
        "--depth", type=_depth, metavar="N", help="högst N nivåer under (standard: alla)"
    )
    orgchart.add_argument(
        "--paper", choices=["a3", "a4"], default="a3", help="PDF: pappersformat, liggande"
    )
    for sub in (letter, report):
        sub.add_argument(
            "--municipality",
            metavar="NAMN",
            help="avsändaren överst i brevet (standard: exemplets, Nacka kommun)",
        )
        sub.add_argument(
            "--letterhead",
            action="append",
            default=[],
            metavar="RAD",
            help="en rad under namnet, t.ex. förvaltningen (ange två gånger för två rader)",
        )
        sub.add_argument("--logo", metavar="BILD", help="logotyp (PNG eller JPEG) överst i brevet")
    for sub in (letter, report, register, template, orgchart):
        sub.add_argument("--db", help=db_help, dest="sub_db")
        sub.add_argument("--out", required=True, help="filen som skrivs")

    importing = commands.add_parser("import", help="läs in en delegationsordning från Excel")
    import_kinds = importing.add_subparsers(dest="import_kind", metavar="SORT", required=True)
    delegations = import_kinds.add_parser("delegations", help="en delegationsordning")
    delegations.add_argument("file", metavar="FIL.xlsx")
    delegations.add_argument("--board", required=True, help="nämndens namn eller kod, t.ex. KS")
    delegations.add_argument("--adopted", type=_iso_date, help="antagen detta datum")
    delegations.add_argument(
        "--paragraph",
        default="",
        help='paragrafen i protokollet, t.ex. "§ 12" (krävs med --adopted)',
    )
    delegations.add_argument(
        "--dry-run", action="store_true", help="kontrollera bara; inget sparas"
    )
    delegations.add_argument("--db", help=db_help, dest="sub_db")
    from nacka_desktop.cli.doctor import add_commands as add_doctor_commands

    add_doctor_commands(commands, db_help)
    from nacka_desktop.cli.signing import add_commands as add_signing_commands
    from nacka_desktop.cli.signing import add_letter_options

    add_signing_commands(commands)
    add_letter_options(letter)
    return parser


def main(argv: list[str], launch_gui: Callable[[str | None], int]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    database = getattr(args, "sub_db", None) or args.db
    if args.command is None:
        return launch_gui(database)
    if args.command in ("sign", "verify", "archive", "cert"):  # files only, no database
        from nacka_desktop.cli import signing

        return signing.run(args, sys.stdout, sys.stderr)
    if not database:
        parser.error(f"{args.command} behöver --db DB")
    try:
        if args.command == "demo":
            return run_demo(database, args.force, sys.stdout, args.scale)
        if args.command == "export":
            return run_export(args, database, sys.stdout)
        if args.command == "import":
            return run_import(args, database, sys.stdout)
        if args.command == "audit":
            from nacka_desktop.cli.audit import run_audit

            return run_audit(database, sys.stdout)
        if args.command in ("doctor", "restore"):
            from nacka_desktop.cli.doctor import run_doctor, run_restore

            if args.command == "doctor":
                return run_doctor(database, sys.stdout, sys.stderr)
            return run_restore(args, database, sys.stdout, sys.stderr)
        if args.command in ("rights", "who"):
            return run_rights_or_who(args, database, sys.stdout)
        return run_check(database, args.on or today(), args.json, sys.stdout)
    except DatabaseOpenError as error:
        print(f"nacka-desktop: {error.message_sv}", file=sys.stderr)
        return EXIT_CANNOT_WRITE if isinstance(error, DatabaseReadOnlyError) else EXIT_CANNOT_OPEN
    except Exception as error:
        # A damaged page the check on opening could not see: refused as on opening (exit 3,
        # naming the newest backup), not a traceback with exit 1, which means rule errors.
        from nacka_desktop.storage.health import damage_found

        damage = damage_found(error, _sqlite_path(database), database)
        if damage is None:
            raise
        print(f"nacka-desktop: {damage.message_sv}", file=sys.stderr)
        return EXIT_CANNOT_OPEN


def run_demo(location: str, force: bool, out: TextIO, scale: str | None = None) -> int:
    """The sample, or with `scale` a large organisation. A file database is built beside the
    file (FILE.partial) and moved over it only when complete: a failed or killed build never
    leaves a half-made FILE behind, nor removes the one that was there."""
    # Imported here, not at the top: `--help` and `--version` need no database layer.
    from nacka_desktop.sample.scale import scale_units
    from nacka_desktop.storage.file_use import open_elsewhere

    units: int | None = None
    if scale is not None:
        try:
            units = scale_units(scale)
        except ValueError as error:
            print(f"nacka-desktop: {error}", file=sys.stderr)
            return EXIT_USAGE
    path = _sqlite_path(location)
    if path is not None and path.exists() and not force:
        print(
            f"nacka-desktop: {path} finns redan; använd --force för att ersätta den.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if path is not None and path.exists() and open_elsewhere(path):
        print(
            f"nacka-desktop: {path} är öppen i ett annat program (Nacka Desktop?); stäng det "
            "först. Filen ersattes inte.",
            file=sys.stderr,
        )
        return EXIT_CANNOT_WRITE
    partial = path.with_name(f"{path.name}.partial") if path is not None else None
    if partial is not None:
        _remove_sqlite(partial)
    try:
        code = _build_demo(str(partial) if partial else location, location, out, scale, units)
    except BaseException:
        if partial is not None:
            _remove_sqlite(partial)
        raise
    if partial is not None and path is not None:
        if code == EXIT_OK and path.exists() and open_elsewhere(path):
            # Opened by another program while the sample was being built: keep it.
            print(
                f"nacka-desktop: {path} öppnades i ett annat program medan exemplet byggdes; "
                "filen ersattes inte.",
                file=sys.stderr,
            )
            code = EXIT_CANNOT_WRITE
        if code == EXIT_OK:
            _remove_sqlite(path)
            partial.replace(path)
        _remove_sqlite(partial)
    return code


def _build_demo(
    target: str, location: str, out: TextIO, scale: str | None, units: int | None
) -> int:
    from nacka_desktop.sample.scale import ScaleSampleError
    from nacka_desktop.services.context import Services

    services = Services.open(target)
    try:
        if units is None:
            _build_sample(services, location, out)
        else:
            _build_scaled(services, location, out, scale or str(units), units)
        _checkpoint(services)
    except ValueError as error:
        print(f"nacka-desktop: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ScaleSampleError as error:
        print(f"nacka-desktop: {error}", file=sys.stderr)
        return EXIT_RULE_ERRORS
    finally:
        services.close()
    return EXIT_OK


def _build_sample(services: Services, location: str, out: TextIO) -> None:
    from nacka_desktop.sample import build_sample_organisation

    summary = build_sample_organisation(services.database, today())
    print(
        f"Exempelorganisationen skapad i {location}: {summary.units} enheter, "
        f"{summary.persons} personer, {summary.appointments} förordnanden, "
        f"{summary.processes} processer, {summary.distributions} fördelningar av "
        f"arbetsmiljöuppgifter, {summary.delegation_items} punkter i delegationsordningar och "
        f"{summary.decisions} delegationsbeslut.",
        file=out,
    )


def _build_scaled(services: Services, location: str, out: TextIO, scale: str, units: int) -> None:
    """Progress per step as it goes, then the summary; the last line is the time taken."""
    from nacka_desktop.sample.scale import build_scaled_organisation

    started = time.perf_counter()
    summary = build_scaled_organisation(
        services.database,
        today(),
        units,
        progress=lambda text: print(text, file=out, flush=True),
    )
    seconds = time.perf_counter() - started
    print(
        f"Skalad organisation ({scale}) skapad i {location}: {summary.units} enheter, "
        f"{summary.persons} personer, {summary.appointments} förordnanden, "
        f"{summary.processes} processer, {summary.boards} nämnder (KS medräknad), "
        f"{summary.distributions} fördelningar av arbetsmiljöuppgifter "
        f"({summary.task_returns} återföringar), {summary.delegation_orders} "
        f"delegationsordningar med {summary.delegation_items} punkter och "
        f"{summary.decisions} delegationsbeslut.",
        file=out,
    )
    for step in summary.steps:
        print(
            f"  {step.name}: bygge {_seconds(step.build_seconds)}, "
            f"kontroll {_seconds(step.check_seconds)}",
            file=out,
        )
    warnings = ", ".join(f"{rule} {count}" for rule, count in summary.warnings) or "inga"
    print(f"Varningar: {warnings}.", file=out)
    print(
        f"Klart på {_seconds(seconds)}: bygge {_seconds(summary.build_seconds)}, kontroller "
        f"{_seconds(summary.check_seconds)}.",
        file=out,
    )


def _seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


def _checkpoint(services: Services) -> None:
    """Fold the write-ahead log into the file, so the file alone is the database."""
    if services.database.engine.dialect.name == "sqlite":
        with services.database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run_check(location: str, on: date, as_json: bool, out: TextIO) -> int:
    from nacka_desktop.services.context import Services

    services = Services.open(location, create=False)
    try:
        violations = services.queries.check(on)
    finally:
        services.close()
    if as_json:
        json.dump(_as_json(violations, on), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_table(violations, on, out)
    return EXIT_RULE_ERRORS if any(v.is_error for v in violations) else EXIT_OK


def run_rights_or_who(args: argparse.Namespace, location: str, out: TextIO) -> int:
    from nacka_desktop.cli.rights import run_rights, run_who
    from nacka_desktop.services.context import Services

    services = Services.open(location, create=False)
    try:
        (run_rights if args.command == "rights" else run_who)(services, args, out)
    except ValueError as error:  # an unknown person, unit, board or matter
        print(f"nacka-desktop: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        services.close()
    return EXIT_OK


def run_export(args: argparse.Namespace, location: str, out: TextIO) -> int:
    from nacka_desktop.services.context import Services
    from nacka_desktop.services.editing import NotFoundError

    services = Services.open(location, create=False)
    target = Path(args.out)
    signed = ""
    try:
        if getattr(args, "sign", False):
            from nacka_desktop.cli.signing import signed_export

            keep = _keeping_signature(services, args)
            field = signed_export(args, target, lambda path: _export(services, args, path), keep)
            signed = f" (undertecknat i fältet {field}"
            signed += ", registrerat i databasen)" if keep is not None else ")"
        else:
            _export(services, args, target)
    except SigningError as error:
        print(f"nacka-desktop: {error.message}", file=sys.stderr)
        return EXIT_CANNOT_WRITE if error.problem is Problem.FILE else EXIT_USAGE
    except NotFoundError as error:
        print(f"nacka-desktop: {error.message}", file=sys.stderr)
        return EXIT_USAGE
    except RuleViolationError as error:  # the letter could not be issued or recorded
        for violation in error.violations:
            print(f"nacka-desktop: {violation.rule_id}: {violation.message}", file=sys.stderr)
        return EXIT_USAGE
    except ValueError as error:  # e.g. an unknown board name
        print(f"nacka-desktop: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"nacka-desktop: kunde inte skriva {target}: {error.strerror}", file=sys.stderr)
        return EXIT_CANNOT_WRITE
    finally:
        services.close()
    print(f"Skrev {target}{signed}", file=out)
    return EXIT_OK


def _keeping_signature(
    services: Services, args: argparse.Namespace
) -> Callable[[bytes, str, bytes], object] | None:
    """A distribution, return or delegation letter signed from the command line is kept as
    issued and its signature recorded, as in the window (a distribution both sides have
    signed is signed, AM-2); an order letter is not signed by a party."""
    from nacka_desktop.domain.signatures import DocumentKind

    kind = {
        "distribution": DocumentKind.DISTRIBUTION_LETTER,
        "return": DocumentKind.RETURN_LETTER,
        "delegate": DocumentKind.DELEGATE_LETTER,
    }.get(getattr(args, "letter_kind", "") if args.export_kind == "letter" else "")
    if kind is None:
        return None
    from nacka_desktop.domain.signatures import issued_title

    signatures, object_id = services.signatures, args.object_id
    on = getattr(args, "on", None) or services.clock()
    name = (
        services.queries.person(object_id).full_name if kind is DocumentKind.DELEGATE_LETTER else ""
    )
    title = issued_title(kind, object_id, name, on)  # in Swedish, as the window keeps it

    def keep(issued: bytes, document_id: str, signed: bytes) -> object:
        letter = signatures.issue(kind, object_id, issued, document_id, title)
        return signatures.record_digital(letter.id, signed)

    return keep


def _letterhead(args: argparse.Namespace, saved: Letterhead) -> Letterhead:
    """The organisation's letterhead (as saved in the database), with what the options give
    instead."""
    from nacka_desktop.domain.letterhead import Letterhead

    logo = Path(args.logo) if args.logo else None
    if logo is not None and not logo.is_file():
        raise ValueError(f"logotypen {logo} finns inte (eller är ingen fil)")
    lines = tuple(line.strip() for line in args.letterhead if line.strip())
    return Letterhead(
        municipality=(args.municipality or "").strip() or saved.municipality,
        lines=lines or saved.lines,
        logo=logo.read_bytes() if logo is not None else saved.logo,
    )


def _export(services: Services, args: argparse.Namespace, target: Path) -> WrittenLetter | None:
    """Each export module is imported only when its file is written (reportlab, openpyxl).
    Each export reads what it shows in one go (a view), then writes it from the view. A
    letter returns its document ID and where its parties sign; anything else None."""
    printed_on = services.clock()  # the day a letter is dated when nothing else dates it
    on = getattr(args, "on", None) or printed_on
    first = getattr(args, "first", None) or date(on.year, 1, 1)
    last = getattr(args, "last", None) or on
    kind = args.export_kind
    documents = services.delegation_documents
    if kind == "letter" and args.letter_kind in ("distribution", "return"):
        from nacka_desktop.exports.letters import write_distribution_letter, write_return_letter

        letterhead = _letterhead(args, services.letterhead.letterhead())
        if args.letter_kind == "distribution":
            view = services.work.distribution(args.object_id, on)
            return write_distribution_letter(view, target, letterhead, printed_on)
        return write_return_letter(
            services.work.task_return(args.object_id, on), target, letterhead
        )
    elif kind == "letter":
        from nacka_desktop.exports.letters.delegation import (
            write_delegate_letter,
            write_order_letter,
        )

        letterhead = _letterhead(args, services.letterhead.letterhead())
        if args.letter_kind == "order":
            order = documents.order_letter(args.object_id, printed_on)
            return write_order_letter(order, target, letterhead)
        else:
            delegate = documents.delegate_letter(args.object_id, on)
            return write_delegate_letter(delegate, target, letterhead)
    elif kind == "report":
        from nacka_desktop.exports.letters.delegation import (
            write_decisions_report,
            write_separate_record,
        )

        letterhead = _letterhead(args, services.letterhead.letterhead())
        board = services.delegation.board_by_name(args.board)
        if args.report_kind == "decisions":
            report = documents.decision_report(board, first, last, include_reported=args.all)
            write_decisions_report(report, target, letterhead)
        else:
            write_separate_record(documents.separate_record(board, first, last), target, letterhead)
    elif kind == "orgchart":
        from nacka_desktop.cli.orgchart import export_orgchart

        export_orgchart(services, args, on, target)
    elif kind == "template":
        from nacka_desktop.exports.registers.delegation import write_delegation_template

        write_delegation_template(target)
    elif args.register_kind == "distributions":
        from nacka_desktop.exports.registers.work import write_distribution_register

        write_distribution_register(services.work.distribution_register(on), target)
    elif args.register_kind == "delegations":
        from nacka_desktop.exports.registers.delegation import write_delegation_register

        write_delegation_register(documents.delegation_register(on), target)
    else:
        from nacka_desktop.exports.registers.delegation import write_decision_register

        write_decision_register(documents.decision_register(first, last), target)
    return None


def run_import(args: argparse.Namespace, location: str, out: TextIO) -> int:
    from nacka_desktop.imports.delegations import import_delegations
    from nacka_desktop.services.context import Services

    if args.adopted is not None and not args.paragraph.strip():
        print(
            'nacka-desktop: --adopted behöver --paragraph, t.ex. --paragraph "§ 12" (DEL-12)',
            file=sys.stderr,
        )
        return EXIT_USAGE
    services = Services.open(location, create=False)
    try:
        board = services.delegation.board_by_name(args.board)
        result = import_delegations(
            services,
            Path(args.file),
            board,
            adopted_on=args.adopted,
            paragraph=args.paragraph,
            dry_run=args.dry_run,
        )
    except ValueError as error:
        print(f"nacka-desktop: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        services.close()
    for line in result.report_lines():
        print(line, file=out if result.ok else sys.stderr)
    return EXIT_OK if result.ok else EXIT_RULE_ERRORS


def _count(violations: list[Violation]) -> dict[str, int]:
    return {s.value: sum(1 for v in violations if v.severity is s) for s in Severity}


def _as_json(violations: list[Violation], on: date) -> dict[str, object]:
    return {
        "on": on.isoformat(),
        "counts": _count(violations),
        "violations": [v.to_dict() for v in violations],
    }


def _print_table(violations: list[Violation], on: date, out: TextIO) -> None:
    for v in violations:
        severity, label = v.severity.label(Language.SWEDISH), v.label(Language.SWEDISH)
        print(f"{severity:<8} {v.rule_id:<7} {label}: {v.text(Language.SWEDISH)}", file=out)
    counts = _count(violations)
    print(
        f"Kontroll {on}: fel: {counts['error']}, varningar: {counts['warning']}, "
        f"upplysningar: {counts['info']}.",
        file=out,
    )


def _sqlite_path(location: str) -> Path | None:
    from nacka_desktop.storage.database import to_url

    url = to_url(location)
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
