"""Every user-facing string in ui/ goes through Qt's translation system, where lupdate sees it."""

from __future__ import annotations

import ast
import gc
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
# 795 strings were extracted when this test was written; the margin allows some rewording.
MIN_STRINGS = 700

# Calls whose string arguments a user reads: constructors and setters (first argument)...
FIRST_ARGUMENT = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QMenu",
    "setText",
    "setToolTip",
    "setPlaceholderText",
    "setWindowTitle",
    "setAccessibleName",
    "setStatusTip",
    "setTitle",
    "addMenu",
    "showMessage",
}
# ...and calls where the text is not the first argument (addTab(page, label), QAction(icon, text)).
ANY_ARGUMENT = {"QAction", "addTab", "QMessageBox"}
TRANSLATORS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def ui_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def parsed() -> Iterator[tuple[str, ast.Module]]:
    for path in ui_files():
        yield str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8"))


def called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def is_message_box(call: ast.Call) -> bool:
    """QMessageBox(...) or QMessageBox.question/information/warning/critical/about(...)."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "QMessageBox"
    return isinstance(func, ast.Attribute) and ast.unparse(func.value) == "QMessageBox"


def plain_text(node: ast.expr) -> str | None:
    """The text of a string literal or f-string that a reader would see, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    else:
        return None
    return text if re.search(r"[^\W\d_]", text) else None  # needs a letter


def is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


# ----- (a) lupdate ----------------------------------------------------------------------------


def test_lupdate_extracts_the_ui_strings(tmp_path: Path) -> None:
    if not LUPDATE.exists():
        pytest.skip(f"pyside6-lupdate is not installed next to {sys.executable}")
    ts = tmp_path / "ipt-workbench.ts"
    sources = tmp_path / "sources.lst"
    sources.write_text("\n".join(str(p) for p in ui_files()) + "\n", encoding="utf-8")
    done = subprocess.run(
        [str(LUPDATE), "-no-obsolete", f"@{sources}", "-ts", str(ts)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    root = ET.parse(ts).getroot()
    contexts = {c.findtext("name"): c.findall("message") for c in root.iter("context")}
    found = sum(len(messages) for messages in contexts.values())
    assert found >= MIN_STRINGS, f"lupdate found only {found} strings"
    # The shared contexts that module-level marks and table headers rely on are there.
    for context in ("TableHeader", "vocabulary", "WorkspacePage", "ExportDialog"):
        assert contexts.get(context), f"no strings in context {context}"
    # A context named after a variable means `obj.tr()` on something other than self.
    suspicious = {c for c in contexts if c and c[0].islower() and c != "vocabulary"}
    assert not suspicious, f"strings filed under variable names: {sorted(suspicious)}"
    # The translators' file in the repo is current (packaging/update_translations.sh).
    shipped = ET.parse(ROOT / "resources" / "translations" / "ipt-workbench.ts").getroot()
    missing = _sources(root) - _sources(shipped)
    assert not missing, f"run packaging/update_translations.sh: {len(missing)} strings missing"


def _sources(root: ET.Element) -> set[tuple[str, str]]:
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.findall("message")
    }


# ----- (b) no untranslated literals in user-facing calls -------------------------------------


def untranslated_literals() -> list[str]:
    found = []
    for name, tree in parsed():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            callee = called_name(node)
            if callee in FIRST_ARGUMENT:
                candidates = node.args[:1]
            elif callee in ANY_ARGUMENT or is_message_box(node):
                candidates = list(node.args)
            else:
                continue
            for arg in candidates:
                text = plain_text(arg)
                if text is not None:
                    found.append(f"{name}:{arg.lineno}: {callee}({text[:50]!r})")
    return found


def test_user_facing_calls_get_translated_text() -> None:
    offenders = untranslated_literals()
    assert not offenders, "untranslated text; wrap it in self.tr() or translate():\n" + "\n".join(
        offenders
    )


# ----- (c) translation calls that lupdate can actually read ----------------------------------


def wrappers(tree: ast.Module) -> set[str]:
    """Local functions that pass one of their parameters to tr()/translate() as the text."""
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        params = {a.arg for a in node.args.args}
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and called_name(inner) in {"tr", "translate"}
                and any(isinstance(a, ast.Name) and a.id in params for a in inner.args[:2])
            ):
                names.add(node.name)
    return names - {"translate"}


def unreadable_translations() -> list[str]:
    found = []
    for name, tree in parsed():
        local_wrappers = wrappers(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            callee, args = called_name(node), node.args
            where = f"{name}:{node.lineno}: {ast.unparse(node)[:70]}"
            if callee in TRANSLATORS and any(isinstance(a, ast.JoinedStr) for a in args):
                found.append(f"{where} (an f-string cannot be translated: use .format after)")
            elif callee == "tr" and isinstance(node.func, ast.Attribute):
                owner = ast.unparse(node.func.value)
                if owner != "self" and args and is_literal(args[0]):
                    found.append(f"{where} (lupdate files this under '{owner}', not the class)")
            elif callee in {"translate", "QT_TRANSLATE_NOOP"} and len(args) >= 2:
                if is_literal(args[1]) and not is_literal(args[0]):
                    found.append(f"{where} (lupdate needs the context as a literal)")
            elif callee in local_wrappers and args and plain_text(args[0]) is not None:
                found.append(f"{where} (lupdate does not see through the wrapper {callee}())")
    return found


def test_translation_calls_are_visible_to_lupdate() -> None:
    offenders = unreadable_translations()
    assert not offenders, "strings pyside6-lupdate cannot extract:\n" + "\n".join(offenders)


# ----- (d) core words shown in the UI are marked ----------------------------------------------


def test_the_cores_vocabulary_is_marked_for_translators() -> None:
    from ui.models.editable_lists import GOAL_STATUSES
    from ui.models.vocabulary import VOCABULARY
    from ui.widgets.circle_panel import SNAPSHOT_LABELS
    from ui.widgets.risk_banner import NOTICE
    from ui.workspace.note_editor import SECTION_TITLES
    from workbench.domain import episode, formulation, inventory, maintenance, risk
    from workbench.domain.notes import SESSION_SECTIONS
    from workbench.domain.phase import Phase
    from workbench.services.workspace_edits import SYMPTOM_MARKERS
    from workbench.store.audit import ACTIONS

    words = {
        *inventory.RELATIONSHIPS,
        *inventory.CONTACT_FREQUENCIES,
        *inventory.MET,
        *inventory.CONFIDING,
        *inventory.PROBLEM_AREA_TAGS,
        *inventory.LINE_STYLES,
        *inventory.EVENT_TYPES,
        *SYMPTOM_MARKERS,
        *maintenance.FREQUENCIES,
        *maintenance.FOCUS,
        *episode.FREQUENCIES,
        *(f.value for f in episode.SessionFormat),
        *(p.value for p in Phase),
        *formulation.AGREEMENT,
        *formulation.AREA_LABELS.values(),
        *(title for _, title in formulation.SR_SECTIONS),
        *risk.NATURE_OF_THOUGHTS,
        *risk.ACTIONS,
        *GOAL_STATUSES,
        *SNAPSHOT_LABELS,
        *ACTIONS,
    } - {""}
    assert sorted(words - set(VOCABULARY)) == []
    assert [title for _, title in SESSION_SECTIONS] == list(SECTION_TITLES)
    assert risk.OFFLINE_NOTICE == NOTICE


def test_an_installed_translation_reaches_headers_words_and_tabs(qapp: QCoreApplication) -> None:
    from ui.i18n import translate
    from ui.models.caseload_model import CaseloadModel
    from ui.widgets.date_fields import vocab
    from ui.workspace.overview_page import OverviewPage

    class Marked(QTranslator):
        """Every string comes back wrapped, as if a translation existed for all of them."""

        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return f"«{source}»"

        def isEmpty(self) -> bool:
            return False

    translator = Marked()
    qapp.installTranslator(translator)
    try:
        header = CaseloadModel().headerData(0, Qt.Orientation.Horizontal)
        assert header == "«Name»"
        assert vocab("weekly") == "«weekly»"
        assert translate("WorkspacePage", OverviewPage.title) == "«Overview»"
    finally:
        qapp.removeTranslator(translator)
        # Collected now, not at a random later moment: a Python QTranslator freed while a
        # later test's table sized its columns crashed Qt (segfault in updateGeometries).
        del translator
        gc.collect()
