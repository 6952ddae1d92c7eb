"""Translation: load the system locale's translations; the convention for user-facing strings.

Every string a user reads goes through Qt's translation system so that `pyside6-lupdate` finds it:
`self.tr("…")` inside a QObject subclass, `QCoreApplication.translate("Context", "…")` elsewhere,
and `QT_TRANSLATE_NOOP("Context", "…")` for module-level constants translated where they are
shown. English ships as the source language; `packaging/update_translations.sh` regenerates
`resources/translations/ipt-workbench.ts` for translators.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
CATALOGUE = "ipt-workbench"


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's own and the app's translations for `locale` (default: the system's).

    A missing translation is not an error: the English source strings are shown. Returns the
    translators so the caller can keep them alive.
    """
    locale = locale or QLocale.system()
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), (CATALOGUE, str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
    return installed


def translate(context: str, text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP(context, text), translated now."""
    return QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate finds marks by this name
    """Mark *text* for `pyside6-lupdate` under *context*; typed, unlike PySide6's (-> object)."""
    return text
