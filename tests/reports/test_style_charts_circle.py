"""Shared PDF look: embedded fonts, page chrome, metadata, determinism, charts and the circle."""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, Group, PolyLine, String
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph

from workbench.reports import charts, circle, fonts, style
from workbench.reports.charts import Series
from workbench.reports.circle import CirclePerson
from workbench.reports.page import FooterInfo, HeaderInfo, PdfMeta, build_pdf, session_text

NAMES = ("Ελένη Παπαδοπούλου", "Дмитрий Смирнов", "Zoë Dvořák-Ñúñez", "Łukasz Śliwiński")
PHQ9_BANDS = (
    (0, "minimal"),
    (5, "mild"),
    (10, "moderate"),
    (15, "moderately severe"),
    (20, "severe"),
)
FOREIGN = "汉字テスト العربية 😀👍🏽 עברית"
META = PdfMeta(
    title="Supervision report",
    author="Dr A. Example",
    subject="META-SUBJECT-ONLY",
    keywords=("IPT", "META-KEYWORD-ONLY"),
)
HEADER = HeaderInfo(
    NAMES[0], "Episode 1 (grief)", 5, 12, "middle", banner="PRACTICE — fictional case"
)
FOOTER = FooterInfo(
    datetime(2026, 11, 22, 10, 0, tzinfo=UTC), "Dr A. Example", "ab12cd34ef56" + "0" * 52
)


def _story(extra: str = "") -> list[Flowable]:
    st = style.styles()
    phq = Series("PHQ-9", [(1, 19), (2, None), (3, 15), (4, 12), (6, 8)])
    gad = Series("GAD-7", [(1, 14), (4, 10), (6, 6)])
    people = [
        CirclePerson(NAMES[1], 1),
        CirclePerson(NAMES[2], 2, "conflict"),
        CirclePerson(NAMES[3], 3, "deceased"),
    ]
    return [
        Paragraph("Supervision report", st.title),
        style.plain(f"{NAMES[0]} & <{NAMES[1]}>\n{NAMES[2]}, {NAMES[3]} {extra}"),
        style.facts([("Client", NAMES[0]), ("Contact", None)]),
        style.data_table([["Session", "PHQ-9"], ["1", "19"], ["3"]], [30 * mm, 30 * mm]),
        style.risk_block("Risk", ["Item 9 endorsed at session 1."]),
        charts.measure_chart(
            [phq, gad], bands=PHQ9_BANDS, max_score=27, phase_markers=[(3, "middle")]
        ),
        PageBreak(),
        *style.heading("Interpersonal circle"),
        circle.circle_pair(people, people[:2], titles=("Intake", "Now")),
        charts.small_change_chart(19, 8, max_score=27, title="PHQ-9"),
    ]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return build_pdf(_story(), header=HEADER, footer=FOOTER, metadata=META)


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_names_in_three_scripts_and_the_page_chrome_come_back_as_text(pdf: bytes) -> None:
    pages = _text(pdf)
    assert len(pages) == 2
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of 2" in text
        assert NAMES[0] in text  # header on every page
        assert "PRACTICE — fictional case" in text
        assert "session 5 of 12 · middle" in text
        assert "Confidential clinical information" in text
        assert "Generated 2026-11-22 10:00 UTC" in text and "Signed by Dr A. Example" in text
        assert "ab12cd34ef56" in text and "ab12cd34ef560" not in text  # short hash only
    for name in NAMES:
        assert name in pages[0]
    assert NAMES[1] in pages[1] and NAMES[2] in pages[1]  # circle labels are real text
    assert f"& <{NAMES[1]}>" in pages[0]  # user text escaped, not parsed as markup


def test_every_font_is_embedded(pdf: bytes, tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts missing (install poppler-utils)")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", f"{name} not embedded"
        assert "DejaVuSans" in name


def test_qpdf_finds_no_structural_errors(pdf: bytes, tmp_path: Path) -> None:
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf missing")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metadata_is_set_and_stays_in_the_info_dictionary(pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == "Supervision report" and meta.author == "Dr A. Example"
    assert meta.subject == "META-SUBJECT-ONLY" and meta.creator == meta.producer == "IPT Workbench"
    assert "META-KEYWORD-ONLY" in str(meta["/Keywords"])
    assert str(meta["/CreationDate"]).startswith("D:20261122100000")
    text = "".join(_text(pdf))
    assert "META-SUBJECT-ONLY" not in text and "META-KEYWORD-ONLY" not in text
    assert pdf.count(b"META-SUBJECT-ONLY") == 1
    assert all(NAMES[0] not in str(value) for value in meta.values())  # header is not metadata


def test_same_inputs_give_the_same_bytes(pdf: bytes) -> None:
    assert build_pdf(_story(), header=HEADER, footer=FOOTER, metadata=META) == pdf


def test_scripts_without_glyphs_never_crash_a_build() -> None:
    people = [CirclePerson(FOREIGN, ring) for ring in (1, 2, 3)]
    story = [
        *_story(FOREIGN),
        style.data_table([[FOREIGN, FOREIGN * 5]]),
        charts.measure_chart(
            [Series(FOREIGN, [(1, 3)])], bands=[(5, FOREIGN)], max_score=27, phase_markers=[]
        ),
        circle.closeness_circle(people, title=FOREIGN, centre_label=FOREIGN[:3]),
    ]
    header = HeaderInfo(FOREIGN, FOREIGN, phase=FOREIGN, banner=FOREIGN)
    footer = FooterInfo(datetime(2026, 1, 1), FOREIGN, "", confidentiality=FOREIGN)
    data = build_pdf(story, header=header, footer=footer, metadata=PdfMeta(FOREIGN))
    assert data.startswith(b"%PDF") and len(PdfReader(io.BytesIO(data)).pages) >= 2


def test_esc_makes_user_text_inert_markup() -> None:
    assert style.esc('a < b & "c"\r\nd\x00\x07e') == "a &lt; b &amp; &quot;c&quot;<br/>de"
    Paragraph(style.esc("<b>unclosed <para> & </i>"), style.styles().body)  # must not raise


def test_fonts_register_once_with_bold_and_italic_faces() -> None:
    assert fonts.register() == fonts.register() == fonts.FAMILY
    assert stringWidth("Ж", fonts.BOLD, 10) > 0 and stringWidth("λ", fonts.BOLD_ITALIC, 10) > 0


def test_session_text_leaves_out_what_is_unknown() -> None:
    assert session_text(HeaderInfo("C-1", "E")) == ""
    assert session_text(HeaderInfo("C-1", "E", 3)) == "session 3"
    assert session_text(HeaderInfo("C-1", "E", 3, 16, "initial")) == "session 3 of 16 · initial"


def _walk(node: object, dx: float = 0.0, dy: float = 0.0) -> list[tuple[object, float, float]]:
    """Every shape with the translation of its groups (the diagrams only translate)."""
    if isinstance(node, Drawing | Group):
        t = getattr(node, "transform", (1, 0, 0, 1, 0, 0))
        found: list[tuple[object, float, float]] = []
        for child in node.contents:
            found += _walk(child, dx + t[4], dy + t[5]) if isinstance(node, Group) else _walk(child)
        return found
    return [(node, dx, dy)]


def _label_boxes(drawing: Drawing) -> list[tuple[float, float, float, float]]:
    boxes = []
    for shape, dx, dy in _walk(drawing):
        if isinstance(shape, String) and shape.fillColor == style.INK and shape.fontSize < 7:
            w = stringWidth(shape.text, shape.fontName, shape.fontSize)
            x0 = shape.x + dx - w / 2
            boxes.append((x0, shape.y + dy - 2, x0 + w, shape.y + dy + shape.fontSize))
    return boxes


@pytest.mark.parametrize("size", [180.0, 232.0, 330.0])  # 232: each circle of a pair
def test_fifteen_people_per_ring_get_labels_that_never_overlap(size: float) -> None:
    people = [
        CirclePerson(f"Person {ring}-{i} with a rather long name", ring, style_)
        for ring in (1, 2, 3)
        for i, style_ in zip(range(15), itertools.cycle(("supportive", "conflict", "deceased")))
    ]
    boxes = _label_boxes(circle.closeness_circle(people, size=size))
    assert len(boxes) == 45  # a label or a number (listed in the key) for everyone
    for a, b in itertools.combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_circle_people_are_validated_and_long_labels_shortened() -> None:
    with pytest.raises(ValueError, match="ring"):
        CirclePerson("A", 4)
    with pytest.raises(ValueError, match="line_style"):
        CirclePerson("A", 1, "dashed")
    assert circle.short_label("A" * 18) == "A" * 18
    assert circle.short_label("Grandfather Josef Dvořák") == "Grandfather Josef…"
    assert isinstance(circle.closeness_circle([], title="Empty"), Drawing)


def test_measure_chart_breaks_lines_at_gaps_and_handles_no_or_one_point() -> None:
    def lines(series: list[Series]) -> int:
        chart = charts.measure_chart(series, bands=PHQ9_BANDS, max_score=27, phase_markers=[])
        return sum(isinstance(shape, PolyLine) for shape, _, _ in _walk(chart))

    assert lines([Series("PHQ-9", [(1, 20), (2, 18), (3, None), (4, 12), (5, 9)])]) == 2
    assert lines([Series("PHQ-9", [(1, 20)])]) == 0
    assert lines([Series("PHQ-9", [])]) == 0 and lines([]) == 0
    assert lines([Series("PHQ-9", [(1, 40), (2, -3)])]) == 1  # out of range: clamped, no crash
    empty = charts.measure_chart([], bands=[], max_score=0, phase_markers=[(2, "middle")])
    texts = [s.text for s, _, _ in _walk(empty) if isinstance(s, String)]
    assert "No scores recorded yet" in texts and "middle" in texts
