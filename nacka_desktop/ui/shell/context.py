"""The application context: what every window, set of actions and dialog works with, handed
to them as one object (as git-cola hands its `context`) instead of a getter per thing.

The services change when another database is opened and the view date when the user picks
another; both are read from here at the moment they are needed, so nobody holds on to a
closed database or yesterday's date. The language is the window's, for its whole life (a
change of language builds a new window): every data label and rule message is shown in it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from nacka_desktop.domain.language import Language
from nacka_desktop.services.context import Services
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.edits import EditRunner
from nacka_desktop.ui.shell.settings import Settings


class AppContext(QObject):
    servicesChanged = Signal(object)  # the Services of the database opened instead

    def __init__(
        self,
        services: Services,
        settings: Settings,
        undo_stack: EditStack,
        edits: EditRunner,
        language: Language,
    ) -> None:
        super().__init__(edits)
        self._services = services
        self.settings = settings
        self.undo_stack = undo_stack
        self.edits = edits
        self.language = language
        self.view_date: date = services.clock()

    @property
    def services(self) -> Services:
        return self._services

    @services.setter
    def services(self, services: Services) -> None:
        self._services = services
        self.servicesChanged.emit(services)
