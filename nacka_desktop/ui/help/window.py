"""The help window: the user guide in the UI's language, with its contents on the left, back
and forward, and a search in the page. Pages are Markdown, read from the package (or built,
for the rules) by `pages`; links between them stay in the window, links to the web open in
the browser."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from nacka_desktop.domain.language import Language
from nacka_desktop.ui.help import pages

SCHEME = "help"
PAGE_ROLE = Qt.ItemDataRole.UserRole
HELP_SIZE = QSize(1000, 720)
IMAGE_MARGIN = 40  # the document's margins and a scroll bar, beside an image


def help_url(page: str) -> QUrl:
    """The address of a page of the guide: `help:/rules/AM-7.md`."""
    url = QUrl()
    url.setScheme(SCHEME)
    fragment = ""
    if "#" in page:
        page, fragment = page.split("#", 1)
    url.setPath("/" + page.lstrip("/"))
    if fragment:
        url.setFragment(fragment)
    return url


def page_of(url: QUrl) -> str:
    return url.path().lstrip("/")


class HelpBrowser(QTextBrowser):
    """A QTextBrowser that reads the guide's pages and images from the package."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setOpenLinks(False)  # every link goes through follow()
        self.anchorClicked.connect(self.follow)

    def follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        else:
            self.setSource(self.source().resolved(url) if url.isRelative() else url)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        name = QUrl(name)
        url = self.source().resolved(name) if name.isRelative() else name
        if url.scheme() != SCHEME:
            return super().loadResource(kind, name)
        page = page_of(url)
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return self._image(page)
        text = pages.page_text(self.language, page)
        if text is None:
            text = self.language.pick(
                f"# Sidan finns inte\n\n{page}\n\n[Till början](/index.md)",
                f"# No such page\n\n{page}\n\n[To the start](/index.md)",
            )
        return text

    def _image(self, page: str) -> QImage | None:
        data = pages.image_bytes(self.language, page)
        if data is None:
            return None
        image = QImage.fromData(data)
        room = max(200, self.viewport().width() - IMAGE_MARGIN)
        if image.width() > room:  # a screenshot fits the page, smoothly scaled
            image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        return image


class HelpWindow(QMainWindow):
    """The guide in one language (the UI's, for the window's life)."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.language = language
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Användarhandbok – Nacka Desktop"))
        self.browser = HelpBrowser(language)
        self.browser.setObjectName("helpBrowser")
        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setWordWrap(True)  # a page's title on two lines, not cut
        self.contents.setSpacing(3)
        for page in (*pages.TASK_PAGES, pages.RULES_INDEX):
            item = QListWidgetItem(pages.page_title(language, page))
            item.setData(PAGE_ROLE, page)
            self.contents.addItem(item)
        self.contents.itemActivated.connect(self._open_item)
        self.contents.itemClicked.connect(self._open_item)

        self.find_box = QLineEdit()
        self.find_box.setObjectName("helpFind")
        self.find_box.setPlaceholderText(self.tr("Sök på sidan…  (Ctrl+F)"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.textChanged.connect(lambda _text: self.find_next(from_start=True))
        self.find_box.returnPressed.connect(self.find_next)

        toolbar = QToolBar(self.tr("Navigering"))
        toolbar.setObjectName("helpToolbar")
        toolbar.setMovable(False)
        self.back_action = toolbar.addAction(self.tr("Bakåt"), self.browser.backward)
        self.back_action.setShortcut(QKeySequence.StandardKey.Back)
        self.forward_action = toolbar.addAction(self.tr("Framåt"), self.browser.forward)
        self.forward_action.setShortcut(QKeySequence.StandardKey.Forward)
        self.home_action = toolbar.addAction(self.tr("Början"), lambda: self.open_page(pages.HOME))
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        self.browser.backwardAvailable.connect(self.back_action.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_action.setEnabled)
        toolbar.addSeparator()
        toolbar.addWidget(self.find_box)
        self.addToolBar(toolbar)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_find)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 760])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(splitter)
        layout.addLayout(row)
        self.setCentralWidget(central)
        self.resize(HELP_SIZE)
        self.browser.sourceChanged.connect(self._page_shown)

    @property
    def page(self) -> str:
        """The page shown: `rules/AM-7.md`."""
        return page_of(self.browser.source())

    def open_page(self, page: str) -> None:
        self.browser.setSource(help_url(page))

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_page(str(item.data(PAGE_ROLE)))

    def _page_shown(self, url: QUrl) -> None:
        page = page_of(url)
        section = pages.RULES_INDEX if page.startswith("rules/") else page
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(PAGE_ROLE) == section:
                self.contents.blockSignals(True)
                self.contents.setCurrentItem(item)
                self.contents.blockSignals(False)
                break
        if self.find_box.text():
            self.find_next(from_start=True)

    def _focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self, from_start: bool = False) -> bool:
        """Select the next place the search text occurs on the page, wrapping at the end."""
        text = self.find_box.text()
        if from_start:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        return self.browser.find(text)
