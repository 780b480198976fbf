"""`nacka-desktop audit verify`: walk the audit log's hash chain and name its first broken
link (services/audit.py, storage/audit_chain.py)."""

from __future__ import annotations

import argparse
from typing import TextIO

EXIT_OK = 0
EXIT_BROKEN = 1  # the CLI's "rule errors" code: DATA-8 is an error


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db_help: str
) -> None:
    audit = commands.add_parser("audit", help="granskningsloggen")
    actions = audit.add_subparsers(dest="audit_action", metavar="ÅTGÄRD", required=True)
    verify = actions.add_parser(
        "verify",
        help="kontrollera att granskningsloggens kedja är obruten; avslutas med 1 vid första "
        "brutna länken",
    )
    verify.add_argument("--db", help=db_help, dest="sub_db")


def run_audit(location: str, out: TextIO) -> int:
    """Opens the database as `check` does (brought to the app's schema, never created)."""
    from nacka_desktop.domain.language import Language
    from nacka_desktop.services.audit import describe, verify_database
    from nacka_desktop.storage.database import open_database

    database = open_database(location, create=False)
    try:
        state = verify_database(database)
    finally:
        database.close()
    if state.broken is not None:
        print(f"{describe(state.broken, Language.SWEDISH)}.", file=out)
        return EXIT_BROKEN
    entries = f"{state.entries} {'post' if state.entries == 1 else 'poster'}"
    print(f"Granskningsloggen är obruten: {entries}.", file=out)
    return EXIT_OK
