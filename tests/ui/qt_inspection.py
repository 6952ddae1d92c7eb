"""Finding what Qt keeps alive: every live item model and QObject, and the strings they hold."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QCompleter


def living_models() -> list[QAbstractItemModel]:
    """Every live Qt item model: those Python knows of, and those behind views and drop-downs."""
    found: dict[int, QAbstractItemModel] = {}
    candidates: list[Any] = [o for o in gc.get_objects() if isinstance(o, QAbstractItemModel)]
    for widget in QApplication.allWidgets():
        if isinstance(widget, QAbstractItemView | QComboBox):
            candidates.append(widget.model())
        candidates += widget.findChildren(QAbstractItemModel)
        candidates += [c.model() for c in widget.findChildren(QCompleter)]
        completer = widget.completer() if isinstance(widget, QComboBox) else None
        if completer is not None:
            candidates.append(completer.model())
    for model in candidates:
        if model is not None and shiboken6.isValid(model):
            found[id(model)] = model
    return list(found.values())


def held_strings(value: object, depth: int = 0, seen: set[int] | None = None) -> Iterator[str]:
    """Strings kept in *value*: containers, dataclasses and plain objects, a few levels deep."""
    seen = set() if seen is None else seen
    if depth > 4 or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes):
        yield value.decode("utf-8", "replace")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from held_strings(key, depth + 1, seen)
            yield from held_strings(item, depth + 1, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from held_strings(item, depth + 1, seen)
    elif isinstance(value, QObject):
        return  # every live QObject is walked on its own
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from held_strings(getattr(value, field.name, None), depth + 1, seen)
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        yield from held_strings(vars(value), depth + 1, seen)


def living_objects() -> list[QObject]:
    """Every live widget and every QObject under one (pages, draft keepers, models)."""
    found: dict[int, QObject] = {}
    for widget in QApplication.allWidgets():
        for obj in [widget, *widget.findChildren(QObject)]:
            if shiboken6.isValid(obj):
                found[id(obj)] = obj
    return list(found.values())
