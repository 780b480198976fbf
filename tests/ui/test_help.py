"""The user guide: F1 opens it in the window's language, its links work, every rule of the
catalogue has a page in both languages, and a refusal or a problem opens its rule's page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from nacka_desktop.domain.enums import Severity
from nacka_desktop.domain.language import Language
from nacka_desktop.domain.rules import ObjectKind, RuleViolationError, violation
from nacka_desktop.domain.rules.catalogue import RULES, RuleId
from nacka_desktop.resource_files import help_files
from nacka_desktop.services.context import Services
from nacka_desktop.ui.help import pages
from nacka_desktop.ui.help.window import HelpBrowser, HelpWindow
from nacka_desktop.ui.shell.commands import EditStack
from nacka_desktop.ui.shell.main_window import MainWindow
from nacka_desktop.ui.shell.settings import Settings
from nacka_desktop.ui.widgets.fields import FieldRow, FormMessage
from nacka_desktop.ui.widgets.table_models import RULE_COLUMN

from .helpers import problems_rows

pytestmark = pytest.mark.gui

LANGUAGES = (Language.SWEDISH, Language.ENGLISH)
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)#]+)(?:#[^)]*)?\)")


def help_windows(owner: MainWindow) -> list[HelpWindow]:
    return [w for w in owner.findChildren(HelpWindow) if w.isVisible()]


def shown_help(owner: MainWindow) -> HelpWindow:
    windows = help_windows(owner)
    assert len(windows) == 1, f"expected one help window, found {len(windows)}"
    return windows[0]


def task_pages(language: Language) -> set[str]:
    folder = help_files() / language.code
    return {entry.name for entry in folder.iterdir() if entry.name.endswith(".md")}


@pytest.fixture
def english_window(
    qtbot: QtBot, sample_services: Services, settings: Settings
) -> Iterator[MainWindow]:
    main = MainWindow(sample_services, settings, EditStack(), Language.ENGLISH)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main


# -- F1 -------------------------------------------------------------------------------------


def test_f1_opens_the_guide_at_its_start_in_swedish(window: MainWindow) -> None:
    action = window.main_actions.help_action
    assert QKeySequence(Qt.Key.Key_F1) in action.shortcuts()
    assert help_windows(window) == []

    action.trigger()

    guide = shown_help(window)
    assert guide.language is Language.SWEDISH
    assert guide.page == pages.HOME
    assert guide.browser.toPlainText().startswith("Användarhandbok")
    assert "HR: ändra organisationen" in guide.browser.toPlainText()


def test_the_guide_is_in_the_help_menu(window: MainWindow) -> None:
    menus = window.menuBar().findChildren(QMenu)
    help_menu = next(m for m in menus if m.title() == "&Hjälp")
    assert window.main_actions.help_action in help_menu.actions()
    assert window.main_actions.help_action.text() == "&Användarhandbok"


def test_f1_opens_the_english_guide_in_the_english_window(english_window: MainWindow) -> None:
    english_window.main_actions.help_action.trigger()

    guide = shown_help(english_window)
    assert guide.language is Language.ENGLISH
    text = guide.browser.toPlainText()
    assert text.startswith("User guide")
    assert "HR: change the organisation" in text
    assert "Användarhandbok" not in text


def test_f1_again_brings_back_the_same_window(window: MainWindow) -> None:
    window.main_actions.help_action.trigger()
    first = shown_help(window)
    first.open_page("organisation.md")

    window.main_actions.help_action.trigger()

    assert shown_help(window) is first
    assert first.page == pages.HOME


# -- pages and links --------------------------------------------------------------------------


def click_link(qtbot: QtBot, browser: HelpBrowser, target: str) -> None:
    """Click, with the mouse, the first link on the page that leads to `target`."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == target:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                rect = browser.cursorRect(cursor)
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {target} on {browser.source().toString()}")


def test_a_click_on_a_link_opens_the_page_and_back_returns(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1200, 800)
    guide = window.show_help()
    qtbot.waitExposed(guide)

    click_link(qtbot, guide.browser, "work-environment.md")

    assert guide.page == "work-environment.md"
    assert guide.browser.toPlainText().startswith("Chef: fördela arbetsmiljöuppgifter")
    assert guide.contents.currentItem().text() == "Chef: fördela arbetsmiljöuppgifter"

    click_link(qtbot, guide.browser, "rules/AM-4.md")
    assert guide.page == "rules/AM-4.md"
    assert guide.browser.toPlainText().startswith("AM-4: ")

    guide.back_action.trigger()
    assert guide.page == "work-environment.md"
    guide.back_action.trigger()
    assert guide.page == pages.HOME
    assert guide.forward_action.isEnabled()


def test_a_rule_page_links_back_to_the_list_of_rules(qtbot: QtBot, window: MainWindow) -> None:
    guide = window.show_help(pages.rule_page("DEL-9"))
    qtbot.waitExposed(guide)

    click_link(qtbot, guide.browser, "index.md")

    assert guide.page == pages.RULES_INDEX
    assert "DEL-9" in guide.browser.toPlainText()


def test_search_in_the_page_selects_the_text_and_wraps(window: MainWindow) -> None:
    guide = window.show_help("organisation.md")

    guide.find_box.setText("förordnande")

    selected = guide.browser.textCursor().selectedText()
    assert selected.casefold() == "förordnande"
    first = guide.browser.textCursor().position()
    while guide.find_next() and guide.browser.textCursor().position() > first:
        pass
    assert guide.browser.textCursor().position() == first  # round the page and back


def test_a_missing_page_says_so_instead_of_showing_nothing(window: MainWindow) -> None:
    guide = window.show_help("no-such-page.md")
    assert guide.browser.toPlainText().startswith("Sidan finns inte")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_link_and_picture_of_the_guide_leads_somewhere(language: Language) -> None:
    names = (
        sorted(task_pages(language))
        + [pages.RULES_INDEX]
        + [pages.rule_page(rule) for rule in RuleId]
    )
    for name in names:
        text = pages.page_text(language, name)
        assert text is not None, name
        base = QUrl("help:/" + name)
        for image in IMAGE.findall(text):
            target = base.resolved(QUrl(image)).path().lstrip("/")
            assert pages.image_bytes(language, target), f"{name}: no picture {target}"
        for link in LINK.findall(text):
            target = base.resolved(QUrl(link)).path().lstrip("/")
            assert pages.page_text(language, target) is not None, f"{name}: no page {target}"


# -- the rules --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_rule_of_the_catalogue_has_a_page_with_its_source(language: Language) -> None:
    explanations = pages.explanations()
    missing = [rule for rule in RuleId if rule not in explanations]
    assert missing == [], f"rules without an explanation in resources/help/rules.toml: {missing}"
    index = pages.rules_index(language)
    for rule in RuleId:
        explanation = explanations[rule]
        text = pages.page_text(language, pages.rule_page(rule))
        assert text is not None, f"{rule} has no {language.code} page"
        assert explanation.text(language), f"{rule}: no {language.code} explanation"
        assert explanation.source(language), f"{rule}: no {language.code} source"
        title = language.pick(RULES[rule].title_sv, RULES[rule].title_en)
        assert text.startswith(f"# {rule}: {title}"), rule
        assert explanation.text(language) in text and explanation.source(language) in text
        assert f"[{rule}]({rule}.md)" in index


def test_the_explanations_name_no_rule_the_catalogue_lacks() -> None:
    assert set(pages.explanations()) <= set(RULES)


def test_a_rule_page_is_in_the_language_asked_for() -> None:
    swedish = pages.page_text(Language.SWEDISH, pages.rule_page("AM-4"))
    english = pages.page_text(Language.ENGLISH, pages.rule_page("AM-4"))
    assert swedish is not None and english is not None
    assert "## Källa" in swedish and "AFS 2023:1 9 §" in swedish
    assert "## Source" in english and "AFS 2023:1 § 9" in english
    assert "återföra" in swedish and "return" in english


# -- from a refusal or a problem to the rule --------------------------------------------------


def test_a_click_on_the_rule_in_the_problems_panel_opens_its_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    rows = problems_rows(window)
    assert rows, "the sample has warnings to show"
    # Not the first row: the page must be the clicked row's rule.
    row = next((i for i, v in enumerate(rows) if v.rule_id != rows[0].rule_id), 0)
    rule_id = rows[row].rule_id
    table = window.problems.table
    assert window.problems.model.index(row, RULE_COLUMN).data() == rule_id
    rect = table.visualRect(window.problems.model.index(row, RULE_COLUMN))
    if not table.viewport().rect().contains(rect.center()):
        table.scrollTo(window.problems.model.index(row, RULE_COLUMN))
        rect = table.visualRect(window.problems.model.index(row, RULE_COLUMN))

    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    guide = shown_help(window)
    assert guide.page == pages.rule_page(rule_id)
    assert guide.browser.toPlainText().startswith(f"{rule_id}: ")


def test_a_click_elsewhere_in_the_problems_panel_opens_no_help(
    qtbot: QtBot, window: MainWindow
) -> None:
    problems_rows(window)
    table = window.problems.table
    rect = table.visualRect(window.problems.model.index(0, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert help_windows(window) == []


def refusal(rule: str) -> RuleViolationError:
    return RuleViolationError(
        [violation(rule, Severity.ERROR, "Vägrad.", "Refused.", ObjectKind.UNIT, 1)]
    )


def test_the_help_button_of_a_refusal_opens_the_rules_page(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, object]] = []

    def warning(
        _parent: object, _title: str, text: str, buttons: object = None, *_: object
    ) -> object:
        asked.append((text, buttons))
        return QMessageBox.StandardButton.Help

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))

    window.edits.report(refusal("DATA-4"))

    ((text, buttons),) = asked
    assert text == "DATA-4: Vägrad."
    assert buttons == QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Help
    assert shown_help(window).page == pages.rule_page("DATA-4")


def test_a_refusal_closed_with_ok_opens_no_help(window: MainWindow, message_boxes) -> None:
    window.edits.report(refusal("DATA-4"))
    assert message_boxes.of_kind("warning")[0][2] == "DATA-4: Vägrad."
    assert help_windows(window) == []


def test_a_click_on_an_error_line_opens_its_rule(qtbot: QtBot, window: MainWindow) -> None:
    row = FieldRow(QLineEdit(), window)
    message = FormMessage(window)
    row.set_error("DATA-2: Ange ett namn.")
    row.reveal()  # shown once the user pressed Spara (or left the field)
    row.show()
    qtbot.mouseClick(row.error, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert shown_help(window).page == pages.rule_page("DATA-2")

    message.setText("E-postadressen saknar @.")  # no rule: a click does nothing
    message.show()
    shown_help(window).close()
    qtbot.mouseClick(message, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert help_windows(window) == []


# -- the two languages ------------------------------------------------------------------------


def test_every_task_page_is_in_both_languages() -> None:
    assert task_pages(Language.SWEDISH) == task_pages(Language.ENGLISH)
    assert set(pages.TASK_PAGES) <= task_pages(Language.SWEDISH)


SWEDISH_WORDS = re.compile(r"\b(och|för|som|inte|eller|med|välj|enheten|fördelningen)\b", re.I)


@pytest.mark.parametrize("page", pages.TASK_PAGES)
def test_no_english_page_is_left_in_swedish(page: str) -> None:
    english = pages.page_text(Language.ENGLISH, page)
    swedish = pages.page_text(Language.SWEDISH, page)
    assert english is not None and swedish is not None
    assert pages.page_title(Language.ENGLISH, page) != pages.page_title(Language.SWEDISH, page)
    # The UI's and the sample's Swedish names may be quoted; running Swedish text may not.
    prose = re.sub(r"\*\*[^*]+\*\*|\*[^*]+\*|\([^)]*\)|!\[[^\]]*\]", "", english)
    words = SWEDISH_WORDS.findall(prose)
    assert words == [], f"Swedish words in en/{page}: {words}"
    assert SWEDISH_WORDS.findall(swedish), "the check can see Swedish"


def test_f1_in_the_delegation_window_opens_the_page_of_its_tab(window: MainWindow) -> None:
    delegation = window.show_delegation()
    shortcuts = [s.key() for s in delegation.findChildren(QShortcut)]
    assert QKeySequence(Qt.Key.Key_F1) in shortcuts

    delegation.show_help()
    guide = next(w for w in delegation.findChildren(HelpWindow) if w.isVisible())
    assert guide.page == "delegation-order.md"

    delegation.tabs.setCurrentWidget(delegation.rights_tab)
    delegation.show_help()
    assert guide.page == "delegation-letter.md"
    delegation.close()
