"""Read the case: presentation, people given, timeline, item scores, what the patient says."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ui.widgets.date_fields import vocab
from workbench.measures import get_instrument
from workbench.practice import Vignette
from workbench.practice.model import months_text


class CasePage(QWidget):
    """The case material only: no answer key, no hidden people, no totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Case material"))
        self.text.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)

    def show_case(self, vignette: Vignette) -> None:
        self.text.setHtml(self.case_html(vignette))

    def case_html(self, vignette: Vignette) -> str:
        def heading(text: str) -> str:
            return f"<h3>{escape(text)}</h3>"

        parts = [f"<h2>{escape(vignette.title)}</h2>"]
        parts.append(
            "<p><i>{}</i></p>".format(
                escape(
                    self.tr("Vignette {0} · {1} manual profile · every detail is invented").format(
                        vignette.id, vignette.profile
                    )
                )
            )
        )
        parts.append(heading(self.tr("Presentation")))
        for paragraph in vignette.presentation.split("\n\n"):
            if paragraph.strip():
                parts.append(f"<p>{escape(' '.join(paragraph.split()))}</p>")
        parts.append(heading(self.tr("People given (find the others in the presentation)")))
        rows = []
        for person in (p for p in vignette.people if p.given):
            ring = self.tr("ring {0}").format(person.ring) if person.ring else self.tr("not placed")
            about = f"{vocab(person.relationship)}, {ring}"
            rows.append(
                f"<li><b>{escape(person.label)}</b> — {escape(about)}"
                f"<br/>{escape(person.facts)}</li>"
            )
        parts.append("<ul>{}</ul>".format("".join(rows)))
        parts.append(heading(self.tr("Timeline (months from intake)")))
        events = sorted(vignette.timeline, key=lambda e: e.months)
        parts.append(
            "<ul>{}</ul>".format(
                "".join(
                    f"<li><b>{escape(months_text(e.months))}</b> — {escape(e.notes)}</li>"
                    for e in events
                )
            )
        )
        parts.append(heading(self.tr("Measures at intake (score them yourself)")))
        for measure in vignette.measures:
            instrument = get_instrument(measure.instrument)
            items = []
            for item, value in zip(instrument.items, measure.items, strict=True):
                text = item.text or item.label or self.tr("item {0}").format(item.number)
                answer = item.option_label(value)
                shown = f"{value} ({answer})" if answer else str(value)
                items.append(f"<li>{item.number}. {escape(text)}: <b>{escape(shown)}</b></li>")
            parts.append(f"<p><b>{escape(instrument.id)}</b></p><ul>")
            parts.append("".join(items) + "</ul>")
            if measure.note:
                parts.append(f"<p>{escape(measure.note)}</p>")
        if vignette.script:
            parts.append(heading(self.tr("If you ask")))
            for line in vignette.script:
                parts.append(
                    f"<p><b>{escape(line.topic)}</b>: {escape(' '.join(line.answer.split()))}</p>"
                )
        return "\n".join(parts)
