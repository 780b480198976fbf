"""Signing with a real PKCS#11 token: SoftHSM2, set up in a temporary folder by running the
README's own commands (the block after `softhsm-setup`), as a SITHS card would be used."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from nacka_desktop.signing.errors import Problem, SigningError
from nacka_desktop.signing.signers import FieldSpec, Pkcs11Signer, Pkcs12Signer, StampText
from nacka_desktop.signing.verify import verify_pdf
from tests.conftest import MODULE, PIN, Token
from tests.signing.conftest import PASSWORD, Letter, run_cli


def test_a_token_signs_after_a_file_and_both_verify(
    token: Token, letter: Letter, giver_p12: Path
) -> None:
    once = Pkcs12Signer(giver_p12, PASSWORD).sign(
        letter.with_fields, FieldSpec("Givare"), StampText("chef")
    )
    with Pkcs11Signer(MODULE, token.slot, PIN) as card:
        assert card.holder == "Kort Kortsson"
        twice = card.sign(once, FieldSpec("Mottagare"), StampText("mottagare"))
    report = verify_pdf(twice)
    assert [(s.field, s.signer, s.ok) for s in report.signatures] == [
        ("Givare", "Gunilla Givare", True),
        ("Mottagare", "Kort Kortsson", True),
    ]


def test_the_cli_signs_with_the_token(
    token: Token, letter: Letter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.pdf"
    source.write_bytes(letter.with_fields)
    target = tmp_path / "ut.pdf"
    monkeypatch.setenv("NACKA_TEST_PIN", PIN)
    code, out, err = run_cli(
        [
            "sign",
            str(source),
            "--out",
            str(target),
            "--pkcs11-lib",
            MODULE,
            "--slot",
            str(token.slot),
            "--pin-env",
            "NACKA_TEST_PIN",
            "--field",
            "Mottagare",
        ],
        monkeypatch,
    )
    assert code == 0, err
    assert "Undertecknade fältet Mottagare" in out
    assert [s.signer for s in verify_pdf(target.read_bytes()).signatures] == ["Kort Kortsson"]


@pytest.mark.parametrize(
    ("library", "slot", "pin", "problem", "message"),
    [
        (MODULE, None, "0000", Problem.WRONG_PIN, "Fel PIN-kod för kortet."),
        (MODULE, 987654, PIN, Problem.TOKEN_SLOT, "Platsen (slot) 987654 finns inte"),
        ("/usr/lib/finns-inte/libpkcs11.so", 0, PIN, Problem.TOKEN_LIBRARY, "kunde inte läsas"),
        (__file__, 0, PIN, Problem.TOKEN_LIBRARY, "kunde inte läsas in"),  # no module
    ],
)
def test_token_problems_are_named(
    token: Token, library: str, slot: int | None, pin: str, problem: Problem, message: str
) -> None:
    with pytest.raises(SigningError) as refused:
        Pkcs11Signer(library, token.slot if slot is None else slot, pin)
    assert refused.value.problem is problem
    assert message in refused.value.message
    assert refused.value.message_en


def test_an_empty_slot_is_no_card(token: Token) -> None:
    """SoftHSM2 keeps one slot with an uninitialised token, as a reader without a card."""
    listed = subprocess.run(
        ["softhsm2-util", "--show-slots"], capture_output=True, text=True, check=True
    ).stdout
    empty = [int(n) for n in re.findall(r"^Slot (\d+)$", listed, re.MULTILINE)]
    empty.remove(token.slot)
    with pytest.raises(SigningError) as refused:
        Pkcs11Signer(MODULE, empty[0], PIN)
    assert refused.value.problem is Problem.TOKEN_SLOT
