"""The work-environment edits started from the Arbetsmiljö view: each an undoable command
over the distribution services, each refusal shown where the user can act on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from nacka_desktop.domain.language import Language
from nacka_desktop.domain.work_options import DistributionAction
from nacka_desktop.exports.file_names import file_name
from nacka_desktop.services.work_environment import DistributionDraft
from nacka_desktop.ui.org.dialogs import DateDialog
from nacka_desktop.ui.shell.background import report_failure, run_in_background
from nacka_desktop.ui.shell.commands import UndoText
from nacka_desktop.ui.shell.edits import EXPECTED_REFUSALS, GuiActions
from nacka_desktop.ui.widgets.files import FilePlaces
from nacka_desktop.ui.work.return_dialog import ReturnDialog

if TYPE_CHECKING:
    from nacka_desktop.ui.work.signable import SignableLetter


class WorkActions(GuiActions):
    def new_distribution(self, giver_id: int | None, receiver_id: int | None) -> int | None:
        from nacka_desktop.ui.work.distribution_wizard import DistributionWizard

        services = self._services()
        wizard = DistributionWizard(
            services.work.snapshot(self._on()),
            services.clock(),
            giver_id,
            receiver_id,
            self.window,
            self.language,
        )
        distributions = services.distributions

        def create(draft: DistributionDraft) -> int:
            made = self.edits.edit(
                lambda _: QCoreApplication.translate("WorkActions", "Ny fördelning"),
                lambda: distributions.create(draft),
                distributions.delete_draft,
                lambda made: distributions.create(draft, distribution_id=made),
            )
            return int(made)

        wizard.submit = create
        try:
            if wizard.exec():
                return wizard.result_id
            return None
        except EXPECTED_REFUSALS as error:
            self.edits.report(error)
            return None
        finally:
            wizard.deleteLater()

    def act(self, action: str, distribution_id: int) -> None:
        handlers: dict[DistributionAction, Callable[[int], None]] = {
            DistributionAction.SIGN: self.sign,
            DistributionAction.RECORD_ORAL: self.record_oral,
            DistributionAction.RETURN: self.return_tasks,
            DistributionAction.FOLLOW_UP: self.follow_up,
            DistributionAction.END: self.end,
            DistributionAction.DELETE_DRAFT: self.delete_draft,
        }
        handlers[DistributionAction(action)](distribution_id)

    # (Each caller names its step in a function of its own: a translate() followed by a tr() in
    # one argument list puts the tr() under a wrong context in lupdate.)
    def _date_edit(
        self,
        distribution_id: int,
        title: UndoText,
        intro: str,
        label: str,
        do: Callable[[date], Any],
        undo: Callable[[Any], Any],
    ) -> None:
        services = self._services()
        dialog = DateDialog(
            title(self.language), intro, label, services.clock(), self.window, self.language
        )

        def run() -> Any:
            day = dialog.date()
            return self.edits.edit(title, lambda: do(day), undo)

        self.edits.run_dialog(dialog, run)

    def sign(self, distribution_id: int) -> None:
        def title(_language: Language) -> str:
            return QCoreApplication.translate("WorkActions", "Undertecknad")

        distributions = self._services().distributions
        self._date_edit(
            distribution_id,
            title,
            self.tr(
                "Datum då givaren och mottagaren skrev under fördelningen (AM-2). För "
                "kommunstyrelsen skriver ordföranden under. Mottagarens bekräftelser måste "
                "vara ifyllda (AM-6)."
            ),
            self.tr("Undertecknad"),
            lambda day: distributions.sign(distribution_id, day),
            lambda _: distributions.restore(
                distribution_id, signed_on=None, employer_signatory_id=None
            ),
        )

    def record_oral(self, distribution_id: int) -> None:
        def title(_language: Language) -> str:
            return QCoreApplication.translate("WorkActions", "Muntligen kommunicerad")

        distributions = self._services().distributions
        self._date_edit(
            distribution_id,
            title,
            self.tr(
                "Datum då givaren personligen gick igenom fördelningen muntligen med "
                "mottagaren (AM-3). Fördelningen gäller när den också är undertecknad."
            ),
            self.tr("Kommunicerad"),
            lambda day: distributions.record_oral(distribution_id, day),
            lambda _: distributions.restore(distribution_id, communicated_on=None),
        )

    def follow_up(self, distribution_id: int) -> None:
        def title(_language: Language) -> str:
            return QCoreApplication.translate("WorkActions", "Uppföljning")

        distributions = self._services().distributions
        self._date_edit(
            distribution_id,
            title,
            self.tr("Datum för årets uppföljning av fördelningen (AM-8)."),
            self.tr("Följdes upp"),
            lambda day: distributions.follow_up(distribution_id, day),
            lambda previous: distributions.restore(distribution_id, followed_up_on=previous),
        )

    def end(self, distribution_id: int) -> None:
        def title(_language: Language) -> str:
            return QCoreApplication.translate("WorkActions", "Avsluta fördelning")

        distributions = self._services().distributions
        self._date_edit(
            distribution_id,
            title,
            self.tr(
                "Fördelningen upphör från och med datumet. Uppgifterna går tillbaka till givaren."
            ),
            self.tr("Upphör fr.o.m."),
            lambda day: distributions.end(distribution_id, day),
            lambda previous: distributions.restore(distribution_id, valid_to=previous),
        )

    def delete_draft(self, distribution_id: int) -> None:
        distributions = self._services().distributions
        self.edits.attempt(
            lambda: self.edits.edit(
                lambda _: QCoreApplication.translate("WorkActions", "Ta bort utkast"),
                lambda: distributions.delete_draft(distribution_id),
                lambda draft: distributions.create(draft, distribution_id=distribution_id),
            )
        )

    def return_tasks(self, distribution_id: int) -> None:
        services = self._services()
        view = services.work.distribution(distribution_id, self._on())
        dialog = ReturnDialog(view, services.clock(), self.window, self.language)
        distributions = services.distributions

        def run() -> Any:
            task_ids, day = dialog.task_ids(), dialog.date()
            reasons, explanation = dialog.chosen_reasons(), dialog.explanation.toPlainText()

            def do() -> int:
                return distributions.return_tasks(
                    distribution_id, task_ids, day, reasons, explanation
                )

            return self.edits.edit(
                lambda _: QCoreApplication.translate("WorkActions", "Återför uppgifter"),
                do,
                distributions.undo_return,
                lambda _: do(),
            )

        self.edits.run_dialog(dialog, run)

    # -- documents -----------------------------------------------------------------------
    def show_letter(self, distribution_id: int) -> None:
        from nacka_desktop.exports.letters import write_distribution_letter

        services, on = self._services(), self._on()
        work, today = services.work, services.clock()
        receiver = work.distribution(distribution_id, on).receiver
        self._preview(
            lambda path: write_distribution_letter(
                work.distribution(distribution_id, on),
                path,
                services.letterhead.letterhead(),
                today,
            ),
            self.tr("Fördelning av arbetsmiljöuppgifter {id}").format(id=distribution_id),
            file_name(
                self.tr("Fördelning av arbetsmiljöuppgifter"),
                receiver.person_name,
                receiver.unit_name,
                today,
                extension="pdf",
            ),
        )

    def show_signatures(self, distribution_id: int) -> None:
        """The letter issued for signature and its signatures (issue 13); records, so
        nothing here goes on the undo stack. The view shows the new state afterwards."""
        from nacka_desktop.ui.work.signable import distribution_letter

        self._show_signatures(distribution_letter(self._services(), distribution_id, self._on()))

    def show_return_signatures(self, return_id: int) -> None:
        from nacka_desktop.ui.work.signable import return_letter

        self._show_signatures(return_letter(self._services(), return_id, self._on()))

    def _show_signatures(self, subject: SignableLetter) -> None:
        from nacka_desktop.ui.work.signatures_dialog import SignaturesDialog

        services = self._services()
        dialog = SignaturesDialog(
            services, subject, self.language, self.window, self.context.settings
        )
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        self.edits.recorded.emit()

    def show_return_letter(self, return_id: int) -> None:
        from nacka_desktop.exports.letters import write_return_letter

        work, on, letterheads = self._services().work, self._on(), self._services().letterhead
        returned = work.task_return(return_id, on)
        giver = returned.distribution.receiver
        self._preview(
            lambda path: write_return_letter(
                work.task_return(return_id, on), path, letterheads.letterhead()
            ),
            self.tr("Återföring av arbetsmiljöuppgifter {id}").format(id=return_id),
            file_name(
                self.tr("Återföring av arbetsmiljöuppgifter"),
                giver.person_name,
                giver.unit_name,
                returned.record.returned_on,
                extension="pdf",
            ),
        )

    def _preview(self, write: Callable[[Path], object], title: str, name: str) -> None:
        from nacka_desktop.ui.widgets.pdf_preview import preview_pdf

        self.letter_task = preview_pdf(self.window, write, title, name)

    def export_register(self) -> None:
        from nacka_desktop.exports.registers.work import write_distribution_register

        on = self._on()
        places = FilePlaces.of(self.window)
        path = places.save_path(
            self.window,
            self.tr("Spara registret"),
            file_name(self.tr("Arbetsmiljöfördelningar"), on, extension="xlsx"),
            self.tr("Excel (*.xlsx)"),
        )
        if path is None:
            return
        work = self._services().work
        self.export_task = run_in_background(
            self.window,
            self.tr("Skriver {name} …").format(name=path.name),
            lambda progress: write_distribution_register(
                work.distribution_register(on), path, progress
            ),
            done=lambda _result: places.confirm_saved(path),
            failed=lambda error: report_failure(
                self.window, self.tr("Registret kunde inte sparas"), error
            ),
        )
