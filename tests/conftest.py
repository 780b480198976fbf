"""Shared fixtures: offscreen Qt, a temp-file database, services on a fixed 'today'."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from nacka_desktop.sample import SampleSummary, build_sample_organisation
from nacka_desktop.services.context import Services
from nacka_desktop.storage.database import Database, open_database
from nacka_desktop.storage.models import Unit

TODAY = date(2026, 11, 26)

# --- an honest gate -----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
STRICT_SKIPS = "NACKA_DESKTOP_STRICT_SKIPS"  # set by `make test`
ALLOWED_SKIPS = [
    line.strip()
    for line in (Path(__file__).with_name("allowed_skips.txt")).read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
UNPRIVILEGED_CHILD = "NACKA_DESKTOP_TEST_UNPRIVILEGED"
_skipped: list[tuple[str, str]] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "unprivileged: needs file permissions to hold; run as root, the test runs again in a "
        "child process without root's capabilities (setpriv)",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Root writes read-only files anyway; a test of what a user who cannot write sees runs
    in a child without root's capabilities (as in CI, which runs as root)."""
    if pyfuncitem.get_closest_marker("unprivileged") is None:
        return None
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or os.environ.get(UNPRIVILEGED_CHILD):
        return None
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None  # the test skips itself, naming why
    child = subprocess.run(
        [
            setpriv,
            "--inh-caps=-all",
            "--bounding-set=-all",
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            pyfuncitem.nodeid,
        ],
        cwd=ROOT,
        env={**os.environ, UNPRIVILEGED_CHILD: "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0 or " passed" not in child.stdout:
        pytest.fail(f"without root's capabilities the test failed:\n{child.stdout[-4000:]}")
    return True


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and isinstance(report.longrepr, tuple):
        _skipped.append((report.nodeid, str(report.longrepr[2])))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not os.environ.get(STRICT_SKIPS):
        return
    unexpected = [
        (nodeid, reason)
        for nodeid, reason in _skipped
        if not any(allowed in reason for allowed in ALLOWED_SKIPS)
    ]
    if unexpected:
        print("\nSkipped for a reason not in tests/allowed_skips.txt (a skip hides a fault):")
        for nodeid, reason in unexpected:
            print(f"  {nodeid}: {reason}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True, scope="session")
def private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The app's data directory (backups, the sample) in a temporary folder, for this process
    and the ones the tests start: never the user's own."""
    from nacka_desktop.paths import DATA_DIR_VARIABLE

    folder = tmp_path_factory.mktemp("data-dir")
    before = os.environ.get(DATA_DIR_VARIABLE)
    os.environ[DATA_DIR_VARIABLE] = str(folder)
    yield folder
    if before is None:
        del os.environ[DATA_DIR_VARIABLE]
    else:
        os.environ[DATA_DIR_VARIABLE] = before


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nacka.db"


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    opened = Services.open(db_path, clock=lambda: TODAY)
    yield opened
    opened.close()


_SAMPLE_TEMPLATES: dict[date, tuple[Path, SampleSummary]] = {}


def build_sample(database: Database, today: date = TODAY) -> SampleSummary:
    """The sample organisation in `database`: built through the services once per test run
    and date (about two seconds, hundreds of service calls), then copied page by page with
    SQLite's backup API. tests/services/test_sample.py builds it for real each time."""
    if today not in _SAMPLE_TEMPLATES:
        folder = Path(tempfile.mkdtemp(prefix="nacka-sample-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        template = open_database(folder / f"sample-{today}.db")
        summary = build_sample_organisation(template, today)
        template.close()
        _SAMPLE_TEMPLATES[today] = (folder / f"sample-{today}.db", summary)
    path, summary = _SAMPLE_TEMPLATES[today]
    with database.transaction() as session:
        if session.scalar(select(Unit.id).limit(1)) is not None:
            raise ValueError("build_sample: the database is not empty")
    with database.engine.connect() as connection:
        target = connection.connection.driver_connection
        assert isinstance(target, sqlite3.Connection)
        with closing(sqlite3.connect(path)) as source:
            source.backup(target)
    return summary


def without_delegation_orders(services: Services) -> Services:
    """The sample organisation minus its delegation orders, for tests that build their own."""
    from sqlalchemy import text

    with services.database.transaction() as session:
        for table in (
            "council_matter",
            "delegated_decision",
            "subdelegation",
            "delegation_item",
            "delegation_order",
        ):
            session.execute(text(f"DELETE FROM {table}"))
    return services


# --- a PKCS#11 token (SoftHSM2), for the signing tests and the window's card signing ---------

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
PIN = "1234"


@dataclass(frozen=True)
class Token:
    slot: int
    folder: Path


def readme_setup() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split("<!-- softhsm-setup", 1)[1]
    block = re.search(r"```sh\n(.*?)```", after, flags=re.DOTALL)
    assert block is not None, "README: the SoftHSM2 block is gone"
    return block.group(1)


@pytest.fixture(scope="session")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Token]:
    """A SoftHSM2 token set up by the README's own commands, one for the whole run:
    python-pkcs11 initialises a module once per process, and SoftHSM2 reads its
    configuration (SOFTHSM2_CONF) only then, so a second token would not be seen."""
    from nacka_desktop.signing.certificates import create_test_certificate
    from tests.signing.conftest import PASSWORD

    for tool in ("softhsm2-util", "pkcs11-tool", "openssl"):
        assert shutil.which(tool), f"{tool} is missing: bash installer/system-deps.sh offscreen"
    assert Path(MODULE).is_file(), f"{MODULE} is missing: apt-get install softhsm2"
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "test.p12").write_bytes(create_test_certificate("Kort Kortsson", PASSWORD))
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", readme_setup()],
        cwd=folder,
        env={**os.environ, "PW": PASSWORD},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (folder / "key.pem").exists()  # the README removes the bare key
    slot = re.search(r"reassigned to slot (\d+)", done.stdout + done.stderr)
    assert slot is not None, done.stdout
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(folder / "softhsm2.conf")
    yield Token(int(slot.group(1)), folder)
    if before is None:
        del os.environ["SOFTHSM2_CONF"]
    else:
        os.environ["SOFTHSM2_CONF"] = before


# --- a time-stamp service (RFC 3161) on the loopback address ---------------------------------


def _tsa() -> Any:
    """pyHanko's in-process TSA, with a time-stamping certificate made here."""
    from asn1crypto import keys, x509
    from cryptography import x509 as pyca
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    from pyhanko.sign.timestamps import DummyTimeStamper

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's: RSA only
    name = pyca.Name([pyca.NameAttribute(NameOID.COMMON_NAME, "Test-TSA")])
    now = datetime.now(UTC)
    certificate = (
        pyca.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(pyca.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(pyca.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    return DummyTimeStamper(
        tsa_cert=x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )


@dataclass(frozen=True)
class TimeStampService:
    url: str
    certificate: Any  # asn1crypto: the service's own (self-signed) certificate, to trust


@pytest.fixture(scope="session")
def tsa() -> Iterator[TimeStampService]:
    """An RFC 3161 service over HTTP on the loopback address: pyHanko's in-process TSA."""
    from asn1crypto import tsp

    stamper = _tsa()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            request = tsp.TimeStampReq.load(body)
            answer = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield TimeStampService(f"http://127.0.0.1:{server.server_address[1]}/tsa", stamper.tsa_cert)
    server.shutdown()
    server.server_close()


@pytest.fixture
def tsa_url(tsa: TimeStampService) -> str:
    return tsa.url
