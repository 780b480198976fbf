"""`nacka-desktop rights` and `who`: who may decide what, as the Delegation window's *Vem får
besluta?* shows it (both read `DelegationQueries.rights_view` / `who_view`)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, TextIO

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.records import OrgSnapshot, PersonRecord

if TYPE_CHECKING:
    from nacka_desktop.services.context import Services
    from nacka_desktop.services.delegation.queries import RightView


class NotFound(ValueError):
    """A person, unit, board or matter the arguments name does not exist (exit 2)."""


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    db_help: str,
    iso_date: object,
) -> None:
    rights = commands.add_parser(
        "rights", help="vad en person får besluta på delegation, och hur (som i Vem får besluta?)"
    )
    rights.add_argument("--db", help=db_help, dest="sub_db")
    rights.add_argument(
        "--person", required=True, metavar="ID|ANSTNR", help="personens id eller anställningsnummer"
    )
    rights.add_argument("--on", type=iso_date, help="datum (standard: i dag)")  # type: ignore[arg-type]
    rights.add_argument("--json", action="store_true", help="skriv resultatet som JSON")

    who = commands.add_parser("who", help="vem som får besluta i ett ärende, och hur")
    who.add_argument("--db", help=db_help, dest="sub_db")
    chosen = who.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--matter", metavar="TEXT", help="ärenden vars text innehåller TEXT")
    chosen.add_argument("--item", type=int, metavar="ID", help="punktens id")
    who.add_argument("--unit", metavar="KOD", help="i enheten (kod eller namn)")
    who.add_argument("--board", metavar="NAMN", help="bara nämndens ordning (namn eller kod)")
    who.add_argument("--on", type=iso_date, help="datum (standard: i dag)")  # type: ignore[arg-type]
    who.add_argument("--json", action="store_true", help="skriv resultatet som JSON")


def run_rights(services: Services, args: argparse.Namespace, out: TextIO) -> None:
    on: date = args.on or services.clock()
    org = services.queries.snapshot(on)
    person = _person(org, args.person)
    rights = services.delegation.rights_view(person.id, on)
    if args.json:
        _dump(
            {
                "on": on.isoformat(),
                "person": {
                    "id": person.id,
                    "name": person.full_name,
                    "employee_number": person.employee_number,
                },
                "rights": [r.as_json() for r in rights],
            },
            out,
        )
        return
    out.write(f"{person.full_name} ({person.employee_number}) får besluta den {on}:\n")
    _table(rights, out, with_person=False)


def run_who(services: Services, args: argparse.Namespace, out: TextIO) -> None:
    on: date = args.on or services.clock()
    org = services.queries.snapshot(on)
    delegation = services.delegation
    board = delegation.board_by_name(args.board) if args.board else None
    unit_id = _unit(org, args.unit) if args.unit else None
    found = delegation.items_in_force(on, args.matter or "", board)
    if args.item is not None:
        found = [(o, i) for o, i in found if i.id == args.item]
    if not found:
        raise NotFound(
            f"Ingen punkt i en delegationsordning som gäller {on} "
            + (f"har id {args.item}." if args.item is not None else f"innehåller {args.matter!r}.")
        )
    items = []
    for order, item in found:
        holders = delegation.who_view(item.id, unit_id, on)
        board_unit = org.units.get(order.board_unit_id)
        items.append((board_unit.name if board_unit else "?", item, holders))
    if args.json:
        _dump(
            {
                "on": on.isoformat(),
                "unit": unit_id,
                "items": [
                    {
                        "board": board_name,
                        "item": item.id,
                        "number": item.number,
                        "matter": item.matter,
                        "holders": [h.as_json() for h in holders],
                    }
                    for board_name, item, holders in items
                ],
            },
            out,
        )
        return
    for board_name, item, holders in items:
        out.write(f"{board_name} punkt {item.number}: {item.matter}\n")
        if holders:
            _table(holders, out, with_person=True)
        else:
            out.write("  ingen på delegation: nämnden beslutar själv (DEL-1)\n")


def _person(org: OrgSnapshot, wanted: str) -> PersonRecord:
    text = wanted.strip()
    by_number = [p for p in org.persons.values() if p.employee_number == text]
    if by_number:
        return by_number[0]
    if text.isdigit() and int(text) in org.persons:
        return org.persons[int(text)]
    raise NotFound(f"Ingen person har id eller anställningsnummer {wanted!r}.")


def _unit(org: OrgSnapshot, wanted: str) -> int:
    text = wanted.strip().casefold()
    for unit in org.units.values():
        if text in (unit.code.casefold(), unit.name.casefold()):
            return unit.id
    raise NotFound(f"Ingen enhet har koden eller namnet {wanted!r}.")


def _table(rows: list[RightView], out: TextIO, with_person: bool) -> None:
    if not rows:
        out.write("  (inget)\n")
    for r in rows:
        who = f"{r.person}, {r.role.lower()} i {r.unit}: " if with_person else ""
        limits = f" [{r.limits}]" if r.limits else ""
        place = "" if with_person else f"{r.board} {r.number} {r.matter} – "
        out.write(f"  {who}{place}{r.how(Language.SWEDISH)}{limits}\n")


def _dump(data: dict[str, object], out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
