"""Bad input through `nacka-desktop sign` and `export letter --sign`: each refused with its own
message (exit 2) before anything is written, and no file (nor a partial one) left behind."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.signing.conftest import PASSWORD, Letter, expired, odd_certificate, run_cli


def encrypted_pdf(path: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, encrypt="hemligt")
    canvas.drawString(100, 700, "Krypterad")
    canvas.save()
    path.write_bytes(buffer.getvalue())
    return path


def _not_yet_valid(path: Path) -> Path:
    now = datetime.now(UTC)
    return odd_certificate(
        path, not_before=now + timedelta(days=3), not_after=now + timedelta(days=300)
    )


def _encryption_only(path: Path) -> Path:
    now = datetime.now(UTC)
    return odd_certificate(
        path, not_before=now - timedelta(days=1), not_after=now + timedelta(300), signing=False
    )


CASES = {
    "wrong password": ("giver", "fel lösen", None, "Fel lösenord för givare.p12."),
    "expired": (expired, PASSWORD, None, "gick ut"),
    "not yet valid": (_not_yet_valid, PASSWORD, None, "gäller först från"),
    "no signing key usage": (_encryption_only, PASSWORD, None, "får inte användas för under"),
    "not a PKCS#12": ("junk-p12", PASSWORD, None, "är ingen PKCS#12-fil"),
    "no such field": ("giver", PASSWORD, "Vittne", "inget underskriftsfält som heter Vittne"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_bad_key_or_field_is_refused_by_name(
    case: str,
    letter: Letter,
    giver_p12: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make, password, field, message = CASES[case]
    if make == "giver":
        key = giver_p12
    elif make == "junk-p12":
        key = tmp_path / "junk.p12"
        key.write_bytes(b"\x30\x03\x02\x01\x03 inte en PKCS#12")
    else:
        assert callable(make)
        key = make(tmp_path / "udda.p12")
    source = tmp_path / "in.pdf"
    source.write_bytes(letter.with_fields)
    target = tmp_path / "ut.pdf"
    monkeypatch.setenv("NACKA_TEST_PW", password)
    args = ["sign", str(source), "--out", str(target), "--p12", str(key)]
    args += ["--password-env", "NACKA_TEST_PW"]
    if field:
        args += ["--field", field]
    code, out, err = run_cli(args, monkeypatch)
    assert code == 2, err
    assert message in err
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (source, key) if p.parent == tmp_path
    )


@pytest.mark.parametrize("kind", ["not a pdf", "encrypted"])
def test_a_file_that_cannot_be_signed_is_refused_before_the_password(
    kind: str, giver_p12: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if kind == "encrypted":
        source = encrypted_pdf(tmp_path / "in.pdf")
        message = "PDF-filen är krypterad"
    else:
        source = tmp_path / "in.pdf"
        source.write_bytes(b"PK\x03\x04 ett zip-arkiv, ingen PDF")
        message = "Filen är ingen läsbar PDF-fil"
    target = tmp_path / "ut.pdf"
    # No --password-env: a prompt would hang the test, so the file is refused first.
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": pytest.fail("asked"))
    code, _out, err = run_cli(
        ["sign", str(source), "--out", str(target), "--p12", str(giver_p12)], monkeypatch
    )
    assert code == 2
    assert message in err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.pdf"]


def test_a_failed_signing_keeps_the_old_output_file(
    letter: Letter, giver_p12: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.pdf"
    source.write_bytes(letter.with_fields)
    target = tmp_path / "ut.pdf"
    target.write_bytes(b"det gamla")
    monkeypatch.setenv("NACKA_TEST_PW", PASSWORD)
    code, _out, err = run_cli(
        [
            "sign",
            str(source),
            "--out",
            str(target),
            "--p12",
            str(giver_p12),
            "--password-env",
            "NACKA_TEST_PW",
            "--field",
            "Finns inte",
        ],
        monkeypatch,
    )
    assert code == 2 and "Finns inte" in err
    assert target.read_bytes() == b"det gamla"


def test_no_key_or_two_keys_is_a_usage_error(
    letter: Letter, giver_p12: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.pdf"
    source.write_bytes(letter.with_fields)
    for extra in ([], ["--p12", str(giver_p12), "--pkcs11-lib", "/x.so", "--slot", "0"]):
        code, _out, err = run_cli(
            ["sign", str(source), "--out", str(tmp_path / "ut.pdf"), *extra], monkeypatch
        )
        assert code == 2
        assert "ange antingen --p12 FIL eller --pkcs11-lib MODUL --slot N" in err
    assert not (tmp_path / "ut.pdf").exists()


def test_export_letter_sign_refuses_a_wrong_password_and_writes_nothing(
    giver_p12: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nacka_desktop.services.context import Services
    from tests.conftest import TODAY, build_sample

    database = tmp_path / "exempel.db"
    services = Services.open(database, clock=lambda: TODAY)
    build_sample(services.database, TODAY)
    services.close()
    target = tmp_path / "brev.pdf"
    monkeypatch.setenv("NACKA_TEST_PW", "fel")
    code, _out, err = run_cli(
        [
            "export",
            "letter",
            "distribution",
            "2",
            "--db",
            str(database),
            "--out",
            str(target),
            "--sign",
            "--p12",
            str(giver_p12),
            "--password-env",
            "NACKA_TEST_PW",
        ],
        monkeypatch,
    )
    assert code == 2
    assert "Fel lösenord för givare.p12." in err
    assert not target.exists()

    monkeypatch.setenv("NACKA_TEST_PW", PASSWORD)
    code, out, err = run_cli(
        [
            "export",
            "letter",
            "distribution",
            "2",
            "--db",
            str(database),
            "--out",
            str(target),
            "--sign",
            "--p12",
            str(giver_p12),
            "--password-env",
            "NACKA_TEST_PW",
        ],
        monkeypatch,
    )
    assert code == 0, err
    assert "undertecknat i fältet Givare" in out
    from nacka_desktop.signing.documents import signature_fields
    from nacka_desktop.signing.verify import verify_pdf

    data = target.read_bytes()
    assert [(f.name, f.signed) for f in signature_fields(data)] == [
        ("Givare", True),
        ("Mottagare", False),
    ]
    assert verify_pdf(data).all_ok
