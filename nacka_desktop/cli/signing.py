"""`nacka-desktop sign`, `verify` and `cert create`, and the `--sign` of `export letter`:
digital signatures (nacka_desktop/signing). None of them needs a database.

Passwords and PINs are read from an environment variable named on the command line or asked
for without echo; they are never written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from nacka_desktop.signing.signers import Signer
    from nacka_desktop.signing.verify import SignatureCheck

EXIT_OK = 0
EXIT_NOT_INTACT = 1  # verify: a signature is broken, or there is none
EXIT_USAGE = 2  # bad input: not a PDF, wrong password, no such field …
EXIT_CANNOT_WRITE = 4
COMMANDS = ("sign", "verify", "cert")
DEFAULT_FIELD = "Signatur"  # a new, invisible field in a PDF that has none free


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sign = commands.add_parser(
        "sign",
        help="underteckna en PDF digitalt (PAdES) med ett certifikat i en PKCS#12-fil eller "
        "på ett kort (PKCS#11, t.ex. SITHS)",
    )
    sign.add_argument("file", metavar="IN.pdf")
    sign.add_argument("--out", required=True, metavar="UT.pdf", help="den undertecknade filen")
    sign.add_argument(
        "--field",
        metavar="NAMN",
        help="underskriftsfältet, t.ex. Givare eller Mottagare (standard: det första tomma; "
        "finns inget skapas ett osynligt)",
    )
    sign.add_argument("--role", default="", help="roll i stämpeln, t.ex. enhetschef")
    add_key_options(sign)

    verify = commands.add_parser(
        "verify",
        help="kontrollera varje underskrift i en PDF; avslutas med 0 bara om alla är hela",
    )
    verify.add_argument("file", metavar="FIL.pdf")
    verify.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    add_trust_option(verify)

    archive = commands.add_parser(
        "archive",
        help="bevara en undertecknad PDF för arkivet (PAdES B-LTA): lägg till det som "
        "validerar varje underskrift och en dokumenttidsstämpel; en arkiverad fil förnyas",
    )
    archive.add_argument("file", metavar="IN.pdf")
    archive.add_argument("--out", required=True, metavar="UT.pdf", help="arkivexemplaret")
    archive.add_argument(
        "--tsa",
        metavar="URL",
        default=os.environ.get("NACKA_DESKTOP_TSA_URL") or None,
        help="tidsstämpeltjänst (RFC 3161) (standard: NACKA_DESKTOP_TSA_URL)",
    )
    add_trust_option(archive)
    archive.add_argument(
        "--offline",
        action="store_true",
        help="hämta inga spärrbesked (OCSP, CRL): bevara bara certifikaten",
    )

    cert = commands.add_parser("cert", help="certifikat för test och små kontor")
    actions = cert.add_subparsers(dest="cert_action", metavar="ÅTGÄRD", required=True)
    create = actions.add_parser(
        "create",
        help="skapa ett självutfärdat certifikat med nyckel i en PKCS#12-fil, märkt "
        '"TEST – ej för produktion"',
    )
    create.add_argument("--name", required=True, help="namnet i certifikatet")
    create.add_argument("--out", required=True, metavar="FIL.p12")
    create.add_argument(
        "--password-env", metavar="VAR", help="läs lösenordet ur miljövariabeln VAR"
    )


def add_trust_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="CERT.pem",
        help="betrott rotcertifikat (PEM eller DER); ange flera gånger för flera",
    )


def add_key_options(parser: argparse.ArgumentParser) -> None:
    """The key to sign with: `sign` and `export letter --sign` take the same options."""
    parser.add_argument("--p12", metavar="FIL", help="PKCS#12-fil (.p12, .pfx) med nyckel")
    parser.add_argument(
        "--password-env", metavar="VAR", help="läs PKCS#12-lösenordet ur miljövariabeln VAR"
    )
    parser.add_argument("--pkcs11-lib", metavar="MODUL", help="kortets PKCS#11-modul (.so, .dll)")
    parser.add_argument("--slot", type=int, metavar="N", help="kortläsarens plats (slot)")
    parser.add_argument("--pin-env", metavar="VAR", help="läs kortets PIN ur miljövariabeln VAR")
    parser.add_argument("--key-label", metavar="ETIKETT", help="nyckeln på kortet, om flera")
    parser.add_argument(
        "--tsa",
        metavar="URL",
        default=os.environ.get("NACKA_DESKTOP_TSA_URL") or None,
        help="tidsstämpeltjänst (RFC 3161) för PAdES B-T (standard: NACKA_DESKTOP_TSA_URL)",
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from nacka_desktop.signing.errors import SigningError

    try:
        if args.command == "sign":
            return run_sign(args, out)
        if args.command == "verify":
            return run_verify(args, out)
        if args.command == "archive":
            return run_archive(args, out)
        return run_cert_create(args, out)
    except SigningError as error:
        print(f"nacka-desktop: {error.message}", file=err)
        return EXIT_CANNOT_WRITE if error.problem.value == "file" else EXIT_USAGE
    except KeyUsageError as error:
        print(f"nacka-desktop: {error}", file=err)
        return EXIT_USAGE


class KeyUsageError(ValueError):
    """The command line names no key, or two."""


def secret(env: str | None, prompt: str) -> str:
    """From the named environment variable, or asked for without echo."""
    if env:
        value = os.environ.get(env)
        if value is None:
            raise KeyUsageError(f"miljövariabeln {env} är inte satt")
        return value
    return getpass.getpass(prompt)


def open_signer(args: argparse.Namespace) -> Signer:
    from nacka_desktop.signing.signers import Pkcs11Signer, Pkcs12Signer

    if bool(args.p12) == bool(args.pkcs11_lib):
        raise KeyUsageError("ange antingen --p12 FIL eller --pkcs11-lib MODUL --slot N")
    if args.p12:
        password = secret(args.password_env, f"Lösenord för {args.p12}: ")
        return Pkcs12Signer(Path(args.p12), password, tsa_url=args.tsa)
    if args.slot is None:
        raise KeyUsageError("--pkcs11-lib behöver --slot N")
    pin = secret(args.pin_env, "Kortets PIN-kod: ")
    return Pkcs11Signer(args.pkcs11_lib, args.slot, pin, args.key_label, tsa_url=args.tsa)


def close_signer(signer: object) -> None:
    close = getattr(signer, "close", None)
    if close is not None:
        close()


def run_sign(args: argparse.Namespace, out: TextIO) -> int:
    from nacka_desktop.signing.documents import read_input, signature_fields, write_atomically
    from nacka_desktop.signing.signers import FieldSpec, StampText

    source, target = Path(args.file), Path(args.out)
    pdf = read_input(source)
    fields = signature_fields(pdf)  # refuses a non-PDF before asking for a password
    if args.field:
        field = FieldSpec(args.field)
    else:
        free = [f.name for f in fields if not f.signed]
        taken = {f.name for f in fields}
        name = free[0] if free else _new_field_name(taken)
        field = FieldSpec(name, create=not free)
    signer = open_signer(args)
    try:
        signed = signer.sign(pdf, field, StampText(role=args.role))
    finally:
        close_signer(signer)
    write_atomically(target, signed)
    print(f"Undertecknade fältet {field.name}; skrev {target}", file=out)
    return EXIT_OK


def _new_field_name(taken: set[str]) -> str:
    number = 1
    name = DEFAULT_FIELD
    while name in taken:
        number += 1
        name = f"{DEFAULT_FIELD}{number}"
    return name


def trust_roots(args: argparse.Namespace) -> list[Any]:
    from nacka_desktop.signing.errors import Problem, SigningError
    from nacka_desktop.signing.verify import load_certificates

    try:
        return load_certificates([Path(p) for p in args.trust])
    except (OSError, ValueError) as error:
        raise SigningError(
            Problem.FILE,
            f"rotcertifikatet kunde inte läsas: {error}",
            f"the trust root could not be read: {error}",
        ) from error


def run_archive(args: argparse.Namespace, out: TextIO) -> int:
    from nacka_desktop.signing.archive import extend_for_archive
    from nacka_desktop.signing.documents import read_input, write_atomically

    if not args.tsa:
        raise KeyUsageError("ange tidsstämpeltjänsten med --tsa URL (eller NACKA_DESKTOP_TSA_URL)")
    roots = trust_roots(args)
    archived = extend_for_archive(
        read_input(Path(args.file)), args.tsa, roots, fetch_revocation=not args.offline
    )
    write_atomically(Path(args.out), archived)
    print(f"Skrev {args.out}: PAdES B-LTA, tidsstämplad av {args.tsa}", file=out)
    return EXIT_OK


def run_verify(args: argparse.Namespace, out: TextIO) -> int:
    from nacka_desktop.signing.documents import read_input
    from nacka_desktop.signing.verify import verify_pdf

    roots = trust_roots(args)
    report = verify_pdf(read_input(Path(args.file)), roots)
    if args.json:
        json.dump(report.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_report(report.signatures, out)
    return EXIT_OK if report.all_ok else EXIT_NOT_INTACT


def _yes(flag: bool) -> str:
    return "ja" if flag else "NEJ"


def print_report(checks: Sequence[SignatureCheck], out: TextIO) -> None:
    if not checks:
        print("Dokumentet har inga underskrifter.", file=out)
        return
    for number, check in enumerate(checks, start=1):
        kind = "Tidsstämpel" if check.kind == "timestamp" else "Underskrift"
        print(f"{kind} {number} (fältet {check.field}): {check.signer}", file=out)
        issuer = check.issuer + (" (självutfärdat)" if check.self_signed else "")
        print(f"  Utfärdare: {issuer}", file=out)
        if check.signing_time is not None:
            print(f"  Undertecknad: {_when(check.signing_time)}", file=out)
        if check.timestamp is not None and check.kind != "timestamp":
            print(f"  Tidsstämpel: {_when(check.timestamp)}", file=out)
        print(
            f"  Oförändrad: {_yes(check.intact)}, giltig: {_yes(check.valid)}, "
            f"betrodd: {'ja' if check.trusted else 'nej'}, ändrad efteråt: "
            f"{'JA' if check.modified_after else 'nej'}",
            file=out,
        )
        for problem in check.problems:
            print(f"  – {problem}", file=out)
    ok = sum(1 for c in checks if c.ok)
    print(f"{ok} av {len(checks)} underskrifter är hela.", file=out)


def _when(moment: Any) -> str:
    return str(moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z"))


def run_cert_create(args: argparse.Namespace, out: TextIO) -> int:
    from nacka_desktop.signing.certificates import NOT_FOR_PRODUCTION, create_test_certificate
    from nacka_desktop.signing.documents import write_atomically

    target = Path(args.out)
    if target.exists():
        raise KeyUsageError(f"{target} finns redan; välj ett annat namn")
    password = secret(args.password_env, "Lösenord för den nya filen: ")
    if not args.password_env and getpass.getpass("Samma lösenord igen: ") != password:
        raise KeyUsageError("lösenorden är olika")
    try:
        data = create_test_certificate(args.name, password)
    except ValueError as error:
        raise KeyUsageError(str(error)) from error
    write_atomically(target, data)
    print(
        f"Skrev {target}: ett självutfärdat certifikat för {args.name.strip()}, "
        f"giltigt i två år och märkt {NOT_FOR_PRODUCTION}.",
        file=out,
    )
    return EXIT_OK


# --- export letter … --sign -------------------------------------------------------------------


def add_letter_options(letter: argparse.ArgumentParser) -> None:
    letter.add_argument(
        "--sign",
        action="store_true",
        help="underteckna brevet digitalt: lägg in ett underskriftsfält per part och "
        "underteckna det första (eller --field)",
    )
    letter.add_argument(
        "--field", metavar="NAMN", help="med --sign: partens fält, t.ex. Givare eller Mottagare"
    )
    add_key_options(letter)


def signed_export(
    args: argparse.Namespace,
    target: Path,
    write: Callable[[Path], Any],
    keep: Callable[[bytes, str, bytes], object] | None = None,
) -> str:
    """Write the letter, add one empty signature field per party and sign one of them, all
    in memory: the target is written once, signed, or not at all. The key is opened first,
    so a wrong password is told before any work. `keep(issued, document_id, signed)` records
    the letter as issued and its signature in the database before the file is written (a
    refusal there leaves no file). Returns the field signed."""
    from nacka_desktop.signing.documents import FieldBox, add_signature_fields, write_atomically
    from nacka_desktop.signing.errors import Problem, SigningError
    from nacka_desktop.signing.signers import FieldSpec, StampText

    signer = open_signer(args)
    try:
        with tempfile.TemporaryDirectory(prefix="nacka-sign-") as folder:
            unsigned = Path(folder) / "brev.pdf"
            written = write(unsigned)
            boxes = list(written.signature_boxes) if written is not None else []
            pdf = unsigned.read_bytes()
        chosen = [b for b in boxes if args.field in (None, b.field)]
        if not chosen:
            names = ", ".join(b.field for b in boxes) or "inga"
            raise SigningError(
                Problem.NO_SUCH_FIELD,
                f"Brevet har inget underskriftsfält {args.field or ''} (fälten: {names}).",
                f"The letter has no signature field {args.field or ''} (its fields: {names}).",
            )
        pdf = add_signature_fields(
            pdf, [FieldBox(b.field, b.page, b.rect, b.caption) for b in boxes]
        )
        box = chosen[0]
        signed = signer.sign(pdf, FieldSpec(box.field), StampText(role=box.detail))
    finally:
        close_signer(signer)
    if keep is not None and written is not None:
        keep(pdf, written.document_id, signed)
    write_atomically(target, signed)
    return str(box.field)
