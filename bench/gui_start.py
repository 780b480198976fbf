"""Start to first usable window: a new Python process opening the app on the scale's database,
until the main window has painted with the event loop running, against a bare PySide6
QMainWindow with a QTreeView measured the same way (both alternate, several runs each)."""

from __future__ import annotations

import selectors
import subprocess
import sys
import time

from .common import ROOT, Record, child_args, emit, measuring, median, p95

NAME = "start to first usable window"
MARGIN = 0.3  # seconds over the bare window


def spawn(mode: str, database: str, timeout: float) -> float:
    """Seconds from spawning the process to its READY line."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.gui_start", "--child", mode, database, str(timeout)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while True:
                left = timeout - (time.perf_counter() - start)
                if left <= 0 or not selector.select(left):
                    raise TimeoutError(f"{mode} window not ready after {timeout:g} s")
                line = process.stdout.readline()
                if not line:
                    raise RuntimeError(f"{mode} window exited with {process.wait()} before ready")
                if line.startswith("READY"):
                    return time.perf_counter() - start
    finally:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def child(mode: str, database: str, timeout: float) -> None:
    """Runs in the spawned process: show the window, report once it has painted."""
    import faulthandler

    faulthandler.dump_traceback_later(timeout, exit=True)  # where it hangs, if it does
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

    app = QApplication(sys.argv[:1])
    painted: list[bool] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    spy = PaintSpy()
    if mode == "bare":
        from PySide6.QtGui import QStandardItem, QStandardItemModel

        window = QMainWindow()
        model = QStandardItemModel()
        for index in range(20):
            model.appendRow(QStandardItem(f"Enhet {index}"))
        tree = QTreeView()
        tree.setModel(model)
        window.setCentralWidget(tree)
        window.resize(1200, 800)
        window.installEventFilter(spy)
        window.show()
    else:
        from nacka_desktop.ui.shell.application import has_display

        assert has_display()
        app.setOrganizationName("Nacka Desktop")
        app.setApplicationName("Nacka Desktop")
        app.setApplicationDisplayName("Nacka Desktop")
        from nacka_desktop.ui.shell.controller import Controller

        controller = Controller()
        # Controller.start shows the window; watch for its first paint from then on.
        app.installEventFilter(spy)
        if not controller.start(database):
            raise SystemExit(3)

    def ready() -> None:
        if not painted:
            QTimer.singleShot(1, ready)
            return
        print("READY", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()


def main() -> None:
    args = child_args()
    target = f"≤ bare window + {MARGIN:g} s"
    with measuring(NAME, args.scale, target):
        database = str(args.database)
        spawn("bare", database, 60)  # warm the file cache for both
        spawn("app", database, 300)
        bare: list[float] = []
        app: list[float] = []
        spent = 0.0
        for _ in range(args.repeat):
            bare.append(spawn("bare", database, 60))
            app.append(spawn("app", database, 300))
            spent += app[-1]
            if spent > args.budget:
                break
        value, base = median(app), median(bare)
        emit(
            Record(
                NAME,
                args.scale,
                median=value,
                p95=p95(app) if len(app) > 1 else None,
                baseline=base,
                ratio=value / base,
                target=target,
                met=value <= base + MARGIN,
                runs=len(app),
                note=f"over the bare window: {value - base:+.2f} s",
            )
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    else:
        main()
