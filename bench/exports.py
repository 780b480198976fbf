"""Letters and registers, against the bare library doing the same work in the same run.

Letters: the app's distribution letter against bare reportlab platypus writing the same text
(every paragraph and table cell of the letter's story, captured on the way to the layout) in the
same embedded DejaVu font. Registers: the app's register against bare openpyxl write-only
writing the same cells (read back from the app's file) into sheets of the same names."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .common import (
    FONT_DIR,
    MIB,
    ROOT,
    ChildArgs,
    Record,
    child_args,
    emit,
    measuring,
    median,
    num,
    p95,
    peak_rss_bytes,
    ratio,
    repeat,
    reset_peak_rss,
    rss_bytes,
)

LETTER_RATIO = 1.2
REGISTER_RATIO = 1.2
REGISTER_MEMORY = 64 * MIB
FONTS = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")


# --- bare reportlab -----------------------------------------------------------------------


def register_bare_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return  # the app registered the same files under the same names
    for name in FONTS:
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        "DejaVuSans",
        normal="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans-Oblique",
        boldItalic="DejaVuSans-BoldOblique",
    )


def bare_letter(texts: list[str], path: Path) -> None:
    """Bare reportlab: the letter's text as platypus paragraphs in the same font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("body", fontName="DejaVuSans", fontSize=9.5, leading=12.5)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, initialFontName="DejaVuSans")
    document.build([Paragraph(text, style) for text in texts])
    path.write_bytes(buffer.getvalue())


def pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def flowable_texts(flowables: Any) -> list[str]:
    """The markup of every paragraph and table cell in a story, in order."""
    from reportlab.platypus import Paragraph, Table

    out: list[str] = []
    items = flowables if isinstance(flowables, list | tuple) else [flowables]
    for item in items:
        if isinstance(item, Paragraph):
            out.append(item.text)
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for value in row:
                    out += flowable_texts(value)
        elif isinstance(item, str) and item.strip():
            from xml.sax.saxutils import escape

            out.append(escape(item))
        elif hasattr(item, "_content"):  # KeepTogether and the like
            out += flowable_texts(item._content)
    return out


@contextmanager
def capturing(write: bool) -> Iterator[list[list[str]]]:
    """Capture each distribution letter's text as it is laid out (and write it, if asked)."""
    from nacka_desktop.exports.letters import _layout, distribution

    captured: list[list[str]] = []
    original = distribution.write_letter

    def capture(
        path: Path, head: _layout.DocumentHead, story: list[Any], document_id: str | None = None
    ) -> _layout.WrittenLetter:
        captured.append([head.title, head.doc_id, *head.units, *flowable_texts(story)])
        if write:
            return original(path, head, story, document_id)
        return _layout.WrittenLetter(document_id or "")

    distribution.write_letter = capture  # type: ignore[assignment]
    try:
        yield captured
    finally:
        distribution.write_letter = original


def biggest_distribution(args: ChildArgs) -> int:
    import sqlite3

    with sqlite3.connect(args.database) as connection:
        row = connection.execute(
            "SELECT distribution_id FROM task_distribution_item GROUP BY distribution_id "
            "ORDER BY count(*) DESC, distribution_id LIMIT 1"
        ).fetchone()
    if row is None:
        raise RuntimeError("no distribution in the database")
    return int(row[0])


# --- figures ------------------------------------------------------------------------------


def alternate(
    app: Callable[[], Any],
    bare: Callable[[], Any],
    times: int,
    budget: float,
    at_least: int = 1,
) -> tuple[list[float], list[float]]:
    """Run app and baseline in turn (so both see the same machine load), within the budget."""
    app_samples: list[float] = []
    bare_samples: list[float] = []
    spent = 0.0
    for _ in range(times):
        app_samples += repeat(app, 1, budget)
        bare_samples += repeat(bare, 1, budget)
        spent += app_samples[-1] + bare_samples[-1]
        if spent > budget and len(app_samples) >= at_least:
            break
    return app_samples, bare_samples


def versus(
    name: str,
    args: ChildArgs,
    app: list[float],
    bare: list[float],
    limit: float,
    note: str,
    baseline_name: str,
) -> Record:
    value, base = median(app), median(bare)
    quotient = ratio(value, base)
    return Record(
        name,
        args.scale,
        median=value,
        p95=p95(app) if len(app) > 1 else None,
        baseline=base,
        ratio=quotient,
        target=f"≤ {limit:g}× {baseline_name}",
        met=quotient is not None and quotient <= limit,
        runs=len(app),
        note=note,
    )


def letter(args: ChildArgs) -> None:
    from nacka_desktop.domain.letterhead import Letterhead
    from nacka_desktop.exports.letters import write_distribution_letter
    from nacka_desktop.services.context import Services

    name = "letter (GUI path)"
    with measuring(name, args.scale, f"≤ {LETTER_RATIO:g}× bare reportlab"):
        distribution_id = biggest_distribution(args)
        services = Services.open(args.database, create=False)
        out = args.work_dir / "letter.pdf"
        bare_out = args.work_dir / "bare-letter.pdf"
        try:
            with capturing(write=True) as captured:  # also the warm-up
                write_distribution_letter(
                    services.work.distribution(distribution_id, args.today),
                    out,
                    Letterhead(),
                    args.today,
                )
            texts = captured[0]
            register_bare_fonts()
            bare_letter(texts, bare_out)

            def app() -> None:
                view = services.work.distribution(distribution_id, args.today)
                write_distribution_letter(view, out, Letterhead(), args.today)

            app_samples, bare_samples = alternate(
                app, lambda: bare_letter(texts, bare_out), args.repeat, args.budget
            )
        finally:
            services.close()
        emit(
            versus(
                name,
                args,
                app_samples,
                bare_samples,
                LETTER_RATIO,
                f"distribution {distribution_id} (the most tasks): {pages(out)} pages; "
                f"baseline {pages(bare_out)} pages of the same {len(texts)} paragraphs and cells",
                "bare reportlab",
            )
        )
        (args.work_dir / "letter-texts.json").write_text(json.dumps(texts))

    name = "letter (CLI)"
    with measuring(name, args.scale, f"≤ {LETTER_RATIO:g}× bare reportlab"):
        command = [
            sys.executable,
            str(ROOT / "main.py"),
            "export",
            "letter",
            "distribution",
            str(distribution_id),
            "--db",
            str(args.database),
            "--out",
            str(out),
        ]
        bare_command = [
            sys.executable,
            "-m",
            "bench.exports",
            "--bare-letter",
            str(args.work_dir / "letter-texts.json"),
            str(bare_out),
        ]

        def run(cmd: list[str]) -> Callable[[], None]:
            return lambda: subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)

        run(command)()
        app_samples, bare_samples = alternate(
            run(command), run(bare_command), args.repeat, args.budget
        )
        emit(
            versus(
                name,
                args,
                app_samples,
                bare_samples,
                LETTER_RATIO,
                "`nacka-desktop export letter distribution` against `python -m bench.exports "
                "--bare-letter` (reportlab import, fonts, same text), start-up included",
                "bare reportlab",
            )
        )


def read_back(path: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return [
            (sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)])
            for sheet in workbook.worksheets
        ]
    finally:
        workbook.close()


def bare_register(sheets: list[tuple[str, list[tuple[Any, ...]]]], path: Path) -> None:
    """Bare openpyxl write-only: the same cells into sheets of the same names."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)


def register(args: ChildArgs, kind: str) -> None:
    from nacka_desktop.services.context import Services

    name = f"{kind} register"
    with measuring(name, args.scale, f"≤ {REGISTER_RATIO:g}× bare openpyxl"):
        services = Services.open(args.database, create=False)
        out = args.work_dir / f"{kind}.xlsx"
        bare_out = args.work_dir / f"bare-{kind}.xlsx"
        try:
            write = register_writer(kind, services, args)
            write(out)  # warm-up
            sheets = read_back(out)
            bare_register(sheets, bare_out)
            app_samples, bare_samples = alternate(
                lambda: write(out),
                lambda: bare_register(sheets, bare_out),
                args.repeat,
                args.budget,
            )
        finally:
            services.close()
        cells = sum(len(rows) * max((len(r) for r in rows), default=0) for _, rows in sheets)
        shape = ", ".join(f"{title}: {num(len(rows) - 1)} rows" for title, rows in sheets)
        emit(
            versus(
                name,
                args,
                app_samples,
                bare_samples,
                REGISTER_RATIO,
                f"{shape}; {num(cells)} cells",
                "bare openpyxl",
            )
        )


def register_writer(kind: str, services: Any, args: ChildArgs) -> Callable[[Path], None]:
    if kind == "distributions":
        from nacka_desktop.exports.registers.work import write_distribution_register

        return lambda path: write_distribution_register(
            services.work.distribution_register(args.today), path
        )
    from nacka_desktop.exports.registers.delegation import write_delegation_register

    return lambda path: write_delegation_register(
        services.delegation_documents.delegation_register(args.today), path
    )


def memory(args: ChildArgs) -> None:
    name = "distributions register, extra memory"
    target = f"≤ {REGISTER_MEMORY / MIB:g} MiB"
    with measuring(name, args.scale, target):

        def fresh(mode: str) -> int:
            done = subprocess.run(
                [sys.executable, "-m", "bench.exports", mode],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            return int(done.stdout.strip().splitlines()[-1])

        app = [float(fresh("--memory-app")) for _ in range(min(args.repeat, 3))]
        bare = [float(fresh("--memory-bare")) for _ in range(min(args.repeat, 3))]
        value = median(app)
        emit(
            Record(
                name,
                args.scale,
                median=value,
                baseline=median(bare),
                unit="memory",
                target=target,
                met=value <= REGISTER_MEMORY,
                runs=len(app),
                note="fresh process: peak RSS during the export minus RSS before it "
                "(database open, modules imported); baseline: bare openpyxl writing the "
                "same cells, already in memory",
            )
        )


def memory_child(mode: str) -> None:
    args = child_args()
    from nacka_desktop.exports.registers.work import write_distribution_register
    from nacka_desktop.services.context import Services

    out = args.work_dir / f"memory{mode}.xlsx"
    if mode == "--memory-app":
        services = Services.open(args.database, create=False)
        before = rss_bytes()
        reset_peak_rss()
        write_distribution_register(services.work.distribution_register(args.today), out)
    else:
        sheets = read_back(args.work_dir / "distributions.xlsx")
        before = rss_bytes()
        reset_peak_rss()
        bare_register(sheets, out)
    print(max(0, peak_rss_bytes() - before))


def many_letters(args: ChildArgs) -> None:
    from nacka_desktop.domain.letterhead import Letterhead
    from nacka_desktop.exports.letters import write_distribution_letter
    from nacka_desktop.services.context import Services
    from nacka_desktop.services.work_queries import distribution_view, sorted_distributions

    count = int(os.environ.get("BENCH_LETTERS", "1000"))
    name = "1,000 letters"
    with measuring(name, args.scale, f"≤ {LETTER_RATIO:g}× bare reportlab"):
        services = Services.open(args.database, create=False)
        try:
            snapshot = services.work.snapshot()
        finally:
            services.close()
        records = sorted_distributions(snapshot)
        chosen = [records[i % len(records)] for i in range(count)]
        folder = args.work_dir / "letters"
        folder.mkdir(exist_ok=True)

        def app() -> None:
            for index, record in enumerate(chosen):
                view = distribution_view(snapshot, record, args.today)
                write_distribution_letter(view, folder / f"{index}.pdf", Letterhead(), args.today)

        with capturing(write=False) as captured:
            app()  # the text of each letter, for the baseline (laid out, not written)
        register_bare_fonts()

        def bare() -> None:
            for index, texts in enumerate(captured):
                bare_letter(texts, folder / f"bare-{index}.pdf")

        app_samples, bare_samples = alternate(app, bare, args.repeat, args.budget, at_least=2)
        total = sum(pages(folder / f"{i}.pdf") for i in range(count))
        bare_total = sum(pages(folder / f"bare-{i}.pdf") for i in range(count))
        emit(
            versus(
                name,
                args,
                app_samples,
                bare_samples,
                LETTER_RATIO,
                f"{count} letters of {len(records)} distributions ({total} pages) from one "
                f"snapshot; baseline {bare_total} pages of the same text",
                "bare reportlab",
            )
        )


def main() -> None:
    args = child_args()
    start = time.perf_counter()
    letter(args)
    register(args, "delegations")
    register(args, "distributions")
    print(f"  exports took {time.perf_counter() - start:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--bare-letter":
        register_bare_fonts()
        bare_letter(json.loads(Path(sys.argv[2]).read_text()), Path(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1].startswith("--memory"):
        memory_child(sys.argv[1])
    else:
        main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # no interpreter teardown: nothing left to measure or to clean
