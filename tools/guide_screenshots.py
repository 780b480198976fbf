"""Screenshots of the app on the sample organisation, in Swedish and English.

    python tools/guide_screenshots.py --guide            # the user guide's pictures
    python tools/guide_screenshots.py --all DIR          # every window and dialog, full size

`--guide` writes the pictures the guide's pages show into resources/help/<lang>/images/,
scaled to GUIDE_WIDTH and reduced to 256 colours (PNG), so the package stays small. `--all`
writes every window (at 1200×800) and every dialog (at its own size) of the app, unscaled,
into DIR/<lang>/. Run under a display or offscreen (`make guide-screenshots` does
`QT_QPA_PLATFORM=offscreen`); fonts come from the system (DejaVu on Debian).

Every dialog is opened the way a user opens it, by the window's own actions and buttons; a
dialog's exec() is replaced by "show, photograph, cancel", so nothing is changed and nothing
waits for a click. The sample organisation is built afresh in a temporary folder.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget, QWizard

ROOT = Path(__file__).resolve().parents[1]
HELP = ROOT / "resources" / "help"
WINDOW_SIZE = (1200, 800)
GUIDE_WIDTH = 900  # the help window scales a picture down to its page, never up
COLOURS = 256


def settle(ms: int = 60) -> None:
    """Let Qt lay out and paint (and queued signals arrive)."""
    app = QCoreApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()
    loop_done = [False]
    QTimer.singleShot(ms, lambda: loop_done.__setitem__(0, True))
    while not loop_done[0]:
        app.processEvents()


class Camera:
    """Saves pictures of widgets; for the guide scaled and in 256 colours."""

    def __init__(self, folder: Path, guide: bool) -> None:
        self.folder = folder
        self.guide = guide
        self.taken: list[Path] = []
        folder.mkdir(parents=True, exist_ok=True)

    def shoot(self, widget: QWidget, name: str) -> None:
        settle()
        image = widget.grab().toImage()
        if self.guide and image.width() > GUIDE_WIDTH:
            image = image.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        path = self.folder / f"{name}.png"
        if self.guide:
            path.write_bytes(_small_png(image))
        else:
            image.save(str(path))
        self.taken.append(path)
        print(f"  {path.relative_to(path.parents[2]) if self.guide else path}")


def _small_png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    reduced = picture.quantize(COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    reduced.save(out, "PNG", optimize=True)
    return out.getvalue()


class Dialogs:
    """Replaces QDialog.exec: each dialog is photographed under the name given beforehand
    (`expect`), then cancelled. A wizard is walked page by page by `wizard_walk`."""

    def __init__(self, camera: Camera) -> None:
        self.camera = camera
        self.name: str | None = None
        self.then: Callable[[QDialog], None] | None = None
        self.answer = 0
        self.seen: list[str] = []
        self.wizard_walk: Callable[[QWizard, Camera, str], None] | None = None

        def exec_(dialog: QDialog) -> int:
            return self._exec(dialog)

        def about(parent: QWidget, title: str, text: str) -> None:
            self._about(parent, title, text)

        QDialog.exec = exec_  # type: ignore[method-assign]
        QWizard.exec = exec_  # type: ignore[method-assign]
        QMessageBox.about = staticmethod(about)  # type: ignore[method-assign,assignment]

    def expect(
        self, name: str, then: Callable[[QDialog], None] | None = None, answer: int = 0
    ) -> None:
        """The next dialog's picture is `name`; then `then` is done in it (a button that
        opens the next dialog) and exec returns `answer` (1: accepted, for what follows)."""
        self.name, self.then, self.answer = name, then, answer

    def _exec(self, dialog: QDialog) -> int:
        name = self.name or type(dialog).__name__
        then, answer = self.then, self.answer
        self.name, self.then, self.answer = None, None, 0
        self.seen.append(name)
        dialog.show()
        settle(120)
        if isinstance(dialog, QWizard) and self.wizard_walk is not None:
            self.wizard_walk(dialog, self.camera, name)
        else:
            self.camera.shoot(dialog, name)
        if then is not None:
            then(dialog)
        dialog.hide()
        return answer

    def _about(self, parent: QWidget, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        self._exec(box)
        box.deleteLater()

    def wait_for(self, name: str, seconds: float = 30) -> None:
        """A dialog shown when background work ends (a letter's preview)."""
        for _ in range(int(seconds * 10)):
            if name in self.seen:
                return
            settle(100)
        print(f"  (no {name} shown)", file=sys.stderr)


def build_sample(folder: Path) -> Any:
    from nacka_desktop.domain.dates import today
    from nacka_desktop.sample import build_sample_organisation
    from nacka_desktop.services.context import Services

    services = Services.open(folder / "nacka-exempel.db")
    build_sample_organisation(services.database, today())
    return services


def first_distribution(services: Any, on: Any) -> Any:
    """A distribution in force from a unit manager (or a principal, an operations manager)
    to someone in the unit: the guide's example."""
    from nacka_desktop.domain.enums import Role
    from nacka_desktop.domain.work_environment import DistributionState

    managers = {Role.UNIT_MANAGER, Role.PRINCIPAL, Role.OPERATIONS_MANAGER}
    views = services.work.distributions(on)
    managed = [
        v
        for v in views
        if v.giver is not None
        and v.giver.appointment.role in managers
        and v.state is DistributionState.IN_FORCE
    ]
    return (managed or [v for v in views if v.giver is not None] or views)[0]


TERMS = {  # the example's answers on the wizard's last page
    "sv": (
        "Vid frånvaro längre än två veckor återgår uppgifterna till mig.",
        "Rehabilitering och arbetsanpassning stannar hos mig.",
    ),
    "en": (
        "During an absence of more than two weeks the tasks return to me.",
        "Rehabilitation and work adjustment stay with me.",
    ),
}


def walk_wizard(wizard: QWizard, camera: Camera, name: str) -> None:
    """The distribution wizard, page by page, filled in as a unit manager would."""
    from nacka_desktop.ui.help.links import ui_language
    from nacka_desktop.ui.work.distribution_wizard import DistributionWizard

    assert isinstance(wizard, DistributionWizard)
    parties = wizard.parties
    if parties.receiver_combo.currentIndex() < 0 and parties.receiver_combo.count() > 0:
        parties.receiver_combo.setCurrentIndex(0)
    wizard.restart()
    camera.shoot(wizard, f"{name}-1")
    if not parties.isComplete():
        return
    wizard.next()
    scope = wizard.scope
    for row in range(min(3, scope.tasks.count())):
        scope.tasks.item(row).setCheckState(Qt.CheckState.Checked)
    camera.shoot(wizard, f"{name}-2")
    if not scope.isComplete():
        return
    wizard.next()
    wizard.confirm.all_confirmed.setChecked(True)
    camera.shoot(wizard, f"{name}-3")
    wizard.next()
    absence, retained = TERMS[ui_language().code]
    wizard.terms.absence.setPlainText(absence)
    wizard.terms.retained.setPlainText(retained)
    camera.shoot(wizard, f"{name}-4")
    if wizard.currentPage().isComplete() and not wizard.currentPage().isFinalPage():
        wizard.next()  # the summary before Färdig
        settle(60)
        camera.shoot(wizard, f"{name}-5")


class Session:
    """The main window on the sample organisation, in one language."""

    def __init__(self, language_code: str, camera: Camera, folder: Path) -> None:
        from nacka_desktop.domain.language import Language
        from nacka_desktop.ui.shell.commands import EditStack
        from nacka_desktop.ui.shell.i18n import LanguageSwitcher
        from nacka_desktop.ui.shell.main_window import MainWindow
        from nacka_desktop.ui.shell.settings import Settings

        self.language = Language.parse(language_code)
        self.switcher = LanguageSwitcher()
        self.switcher.apply(self.language)
        self.services = build_sample(folder)
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        self.window = MainWindow(self.services, settings, EditStack(), self.language)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        self.camera = camera
        self.dialogs = Dialogs(camera)
        self.dialogs.wizard_walk = walk_wizard
        self.window.problems_checker.wait()
        settle(300)

    # -- the main window -----------------------------------------------------------------
    def main_window(self) -> None:
        view = first_distribution(self.services, self.window.on)
        assert view.giver is not None
        self.window.navigation.show_unit(view.giver.appointment.unit_id)
        self.window.right_tabs.setCurrentIndex(0)
        self.window.problems_checker.wait()
        settle(200)
        self.camera.shoot(self.window, "main-window")

    def work_environment(self) -> None:
        view = first_distribution(self.services, self.window.on)
        self.distribution = view
        self.window.navigation.show_unit(view.giver.appointment.unit_id)
        self.window.right_tabs.setCurrentWidget(self.window.work_panel)
        self.window.refresh_work()
        self.window.work_panel.select(view.id)
        settle(200)
        self.camera.shoot(self.window, "work-environment")

    def org_dialogs(self, every: bool) -> None:
        actions = self.window.main_actions
        view = first_distribution(self.services, self.window.on)
        self.window.navigation.show_unit(view.giver.appointment.unit_id)
        self.window.right_tabs.setCurrentIndex(0)
        self.dialogs.expect("appoint-dialog")
        actions.appoint_action.trigger()
        self.dialogs.expect("new-unit-dialog")
        actions.new_unit_action.trigger()
        if not every:
            return
        self.dialogs.expect("new-person-dialog")
        actions.new_person_action.trigger()
        self.dialogs.expect("move-unit-dialog")
        actions.move_action.trigger()
        self.dialogs.expect(
            "close-unit-dialog",
            then=lambda _dialog: self.dialogs.expect("consequences-dialog"),
            answer=1,  # the date accepted: what closing the unit ends is shown next
        )
        actions.close_unit_action.trigger()
        self.dialogs.expect("signing-settings-dialog")
        actions.signing_settings_action.trigger()
        self.dialogs.expect("processes-dialog")
        actions.processes_action.trigger()
        self.dialogs.expect("task-catalogue-dialog")
        actions.task_catalogue_action.trigger()
        self.dialogs.expect("letterhead-dialog")
        actions.letterhead_action.trigger()
        self.dialogs.expect("about-box")
        actions.about_action.trigger()

    def work_dialogs(self, every: bool) -> None:
        work = self.window.work_actions
        view = self.distribution
        assert view.giver is not None  # the wizard starts from the giver's unit
        self.window.navigation.show_unit(view.giver.appointment.unit_id)
        self.dialogs.expect("wizard")
        self.window.main_actions.new_distribution_action.trigger()
        self.dialogs.expect("signatures-dialog", then=self._paper_signature if every else None)
        work.show_signatures(view.id)
        self.dialogs.expect("return-dialog")
        work.return_tasks(view.id)
        self.dialogs.expect("letter-preview")
        work.show_letter(view.id)
        self.dialogs.wait_for("letter-preview")
        if every:
            for action, name in (
                ("sign", "signed-date-dialog"),
                ("record_oral", "oral-date-dialog"),
                ("follow_up", "follow-up-dialog"),
                ("end", "end-distribution-dialog"),
            ):
                self.dialogs.expect(name)
                getattr(work, action)(view.id)

    def _paper_signature(self, dialog: QDialog) -> None:
        """In the throwaway database: issue the letter, then open Pappersunderskrift…."""
        dialog.issue_button.click()  # type: ignore[attr-defined]
        for _ in range(200):  # the letter is written and issued in the background
            settle(50)
            if not dialog.busy():  # type: ignore[attr-defined]
                break
        self.camera.shoot(dialog, "signatures-dialog-issued")
        self.dialogs.expect("paper-signature-dialog")
        dialog.paper_button.click()  # type: ignore[attr-defined]

    def delegation(self, every: bool) -> None:
        window = self.window.show_delegation()
        window.resize(*WINDOW_SIZE)
        settle(200)
        self.camera.shoot(window, "delegation-order")
        window.tabs.setCurrentWidget(window.rights_tab)
        rights = window.rights_tab
        example = first_distribution(self.services, self.window.on).giver
        rights.select_person(example.appointment.person_id)  # a manager's own rights
        settle(200)
        self.camera.shoot(window, "delegation-rights")
        self.dialogs.expect("delegate-letter")
        rights.delegate_letter_button.click()
        self.dialogs.wait_for("delegate-letter")
        window.tabs.setCurrentWidget(window.decisions_tab)
        settle(200)
        self.camera.shoot(window, "delegation-decisions")
        self.dialogs.expect("decision-dialog")
        window.decisions_tab.new_decision_button.click()
        window.tabs.setCurrentWidget(window.council_tab)
        settle(200)
        self.camera.shoot(window, "delegation-council")
        if every:
            order = window.order_tab
            window.tabs.setCurrentWidget(order)
            settle(100)
            order.items_table.selectRow(0)
            if order.subdelegate_button.isVisible() and order.subdelegate_button.isEnabled():
                self.dialogs.expect("subdelegate-dialog")
                order.subdelegate_button.click()
            order.new_version_button.click()  # a draft (in the throwaway database)
            settle(200)
            order.items_table.selectRow(0)
            for button, name in (
                (order.new_item_button, "item-dialog"),
                (order.adopt_button, "adopt-dialog"),
                (order.subdelegate_button, "subdelegate-dialog"),
                (order.board_setting_button, "board-setting-dialog"),
            ):
                if button.isEnabled() and button.isVisible():
                    self.dialogs.expect(name)
                    button.click()
            window.tabs.setCurrentWidget(window.decisions_tab)
            window.decisions_tab.decisions_table.selectRow(0)
            for button, name in (
                (window.decisions_tab.reported_button, "report-dialog"),
                (window.decisions_tab.report_button, "report-pdf-dialog"),
            ):
                self.dialogs.expect(name)
                button.click()
            window.tabs.setCurrentWidget(window.council_tab)
            council = window.council_tab
            for button, name in (
                (council.refer_button, "refer-dialog"),
                (council.recall_button, "take-back-dialog"),
            ):
                self.dialogs.expect(name)
                button.click()
        window.close()

    def org_chart(self) -> None:
        """Visa → Organisationsschema at Välfärd samhällsservice, as of the view date: a
        branch with a manager, a t.f. and a vacancy (the guide's orgchart.md)."""
        branch = [
            unit.id
            for unit in self.services.queries.snapshot().units.values()
            if unit.name == "Välfärd samhällsservice"
        ]
        if branch:
            self.window.navigation.show_unit(branch[0])
            settle(100)
        self.window.main_actions.orgchart_action.trigger()
        chart = self.window.findChild(QWidget, "orgChartWindow")
        status = chart.findChild(QLabel, "orgChartStatus") if chart is not None else None
        assert isinstance(chart, QWidget) and isinstance(status, QLabel)
        for _ in range(200):  # read and laid out in the background
            settle(50)
            if ":" in status.text():  # "Enheter som visas: 44. …"
                break
        chart.resize(*WINDOW_SIZE)
        settle(200)
        self.camera.shoot(chart, "orgchart-window")
        chart.close()

    def help_window(self) -> None:
        from nacka_desktop.ui.help.pages import rule_page

        help_window = self.window.show_help()
        help_window.resize(*WINDOW_SIZE)
        settle(200)
        self.camera.shoot(help_window, "help-window")
        help_window.open_page(rule_page("AM-7"))
        settle(100)
        self.camera.shoot(help_window, "help-rule")
        help_window.close()

    def close(self) -> None:
        self.window.close()
        self.services.close()
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self.switcher._translators:  # the next language starts afresh
            app.removeTranslator(translator)


def run(language: str, out: Path, guide: bool) -> list[Path]:
    camera = Camera(out, guide)
    with tempfile.TemporaryDirectory(prefix="nacka-shots-") as temp:
        session = Session(language, camera, Path(temp))
        try:
            session.main_window()
            session.work_environment()
            session.org_dialogs(every=not guide)
            session.work_dialogs(every=not guide)
            session.delegation(every=not guide)
            session.org_chart()
            if not guide:
                session.help_window()
        finally:
            session.close()
    return camera.taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--guide", action="store_true", help="the guide's pictures")
    target.add_argument("--all", type=Path, metavar="DIR", help="every window and dialog")
    parser.add_argument("--language", choices=("sv", "en"), action="append")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Nacka Desktop")
    for language in args.language or ["sv", "en"]:
        print(language)
        out = HELP / language / "images" if args.guide else args.all / language
        run(language, out, args.guide)
    return 0


if __name__ == "__main__":
    sys.exit(main())
