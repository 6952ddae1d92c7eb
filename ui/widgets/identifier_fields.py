"""Aliases/nicknames and places fields (comma-separated), which de-identified exports remove."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from workbench.domain.episode import Contract
from workbench.errors import InvalidInput
from workbench.services import episodes, identifiers
from workbench.services.vaults import Vault

NewClient = tuple[str, str, Contract, str, str, str | None]  # given, family, ..., preferred, dob


def split_list(text: str) -> tuple[str, ...]:
    """Comma- or semicolon-separated entries, trimmed; empty ones dropped."""
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


def join_list(values: Iterable[str]) -> str:
    return ", ".join(values)


def start_with_identifiers(
    vault: Vault, client: NewClient, aliases: tuple[str, ...], places: tuple[str, ...]
) -> tuple[int, int]:
    """`episodes.start_client`, then the client's other names and places (checked first, so a
    refused entry never leaves a half-made client behind)."""
    if any(len(entry) < 2 for entry in (*aliases, *places)):
        raise InvalidInput("Each other name or place needs at least two characters.")
    given, family, contract, start, preferred, dob = client
    ids = episodes.start_client(
        vault, given, family, contract, start, preferred_name=preferred, date_of_birth=dob
    )
    if aliases or places:
        identifiers.set_client_identifiers(vault, ids[0], aliases=aliases, places=places)
    return ids


class IdentifierFields(QObject):
    """Two line edits added as rows of a form; `aliases()` is () when the form has none."""

    edited = Signal()

    def __init__(
        self, form: QFormLayout, parent: QWidget, *, aliases_label: str = "", places_label: str = ""
    ) -> None:
        super().__init__(parent)
        self.aliases_edit: QLineEdit | None = None
        if aliases_label:
            self.aliases_edit = QLineEdit(parent)
            self.aliases_edit.setAccessibleName(aliases_label)
            self.aliases_edit.setPlaceholderText(self.tr("e.g. a nickname, a maiden name"))
            self.aliases_edit.setToolTip(
                self.tr("Other names, separated by commas; de-identified exports remove them")
            )
            self.aliases_edit.textChanged.connect(lambda _text: self.edited.emit())
            form.addRow(aliases_label, self.aliases_edit)
        self.places_edit = QLineEdit(parent)
        self.places_edit.setAccessibleName(places_label or self.tr("Places"))
        self.places_edit.setPlaceholderText(self.tr("e.g. a town, a workplace, a hospital"))
        self.places_edit.setToolTip(
            self.tr("Places that would name them, separated by commas; exports remove them")
        )
        self.places_edit.textChanged.connect(lambda _text: self.edited.emit())
        form.addRow(places_label or self.tr("Places"), self.places_edit)

    def aliases(self) -> tuple[str, ...]:
        return split_list(self.aliases_edit.text()) if self.aliases_edit is not None else ()

    def places(self) -> tuple[str, ...]:
        return split_list(self.places_edit.text())

    def set_values(self, aliases: Iterable[str], places: Iterable[str]) -> None:
        if self.aliases_edit is not None:
            self.aliases_edit.setText(join_list(aliases))
        self.places_edit.setText(join_list(places))

    def clear(self) -> None:
        self.set_values((), ())
