"""Identifiers found by pattern in free text: dates, phone numbers, e-mail, postcodes, URLs,
IP addresses, long digit runs and ages over 89."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from workbench.deid.model import Candidate

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_FLAGS = re.IGNORECASE

DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?(?!\w)", _FLAGS
)
MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<m>{_MONTH})\s+(?:the\s+)?(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?(?![\w:])", _FLAGS
)
MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b", _FLAGS)
ISO_DATE = re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)\b")
NUMERIC_DATE = re.compile(r"\b(?P<a>[0-3]?\d)[-/.](?P<b>[01]?\d)[-/.](?P<y>\d{4}|\d{2})\b")
DAY_MONTH = re.compile(r"(?<![\w/.])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\w/])")
# A month named alone after a word that makes it a date ("in March", "since May").
MONTH_ALONE = re.compile(
    rf"\b(?:in|on|since|until|till|by|from|last|next|early|late|mid|during|of|end of)\s+"
    rf"(?P<m>{_MONTH})(?!\w)",
    _FLAGS,
)
FULL_MONTH_NAME = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
)
EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL = re.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"')\]]+|\b[\w-]+\.(?:com|org|net|io|co\.uk|"
    r"org\.uk|nhs\.uk|gov|edu|de|pl|fr|nl|es|it)(?:/[^\s<>\"')\]]*)?\b",
    _FLAGS,
)
IP_ADDRESS = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
# UK, Canadian, Dutch postcodes and US ZIP+4; bare five-digit ZIPs are digit runs below.
POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4}\s?[A-Z]{2}"
    r"|\d{5}-\d{4}|\d{2}-\d{3})\b"
)
# Digit groups joined by spaces, dots, dashes or brackets, optionally with a country prefix.
DIGIT_GROUPS = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d ().\-/]{4,}\d\)?(?!\w)")
AGE = re.compile(
    r"\b(?:(?:aged?|age of)\s+(?P<a>\d{2,3})|(?P<b>\d{2,3})(?:[\s-]+years?[\s-]+old|"
    r"-year-old| yrs?\b| y/o\b| years? of age))",
    _FLAGS,
)


@dataclass(frozen=True)
class DateFrame:
    """What a date is told relative to: the episode start (week N) and today (ages)."""

    episode_start: date | None
    today: date


def _year_text(year: int, frame: DateFrame) -> str:
    return "90+ years ago" if frame.today.year - year >= 90 else str(year)


def _full_date(y: int, m: int, d: int, frame: DateFrame) -> str:
    try:
        day = date(y, m, d)
    except ValueError:
        return f"[date, {_year_text(y, frame)}]"
    start = frame.episode_start
    if start is not None and start <= day:  # planned dates (a follow-up) too
        return f"[week {(day - start).days // 7 + 1} of the episode]"
    return f"[date, {_year_text(y, frame)}]"


def _year(text: str, frame: DateFrame) -> int:
    value = int(text)
    if len(text) == 2:
        value += 2000 if value <= frame.today.year % 100 else 1900
    return value


def find_dates(text: str, frame: DateFrame) -> list[Candidate]:
    found: list[Candidate] = []

    def add(match: re.Match[str], replacement: str, priority: int = 40) -> None:
        found.append(Candidate(match.start(), match.end(), "dates", "date", replacement, priority))

    def day_of(value: str) -> int:
        return int(re.sub(r"\D", "", value))

    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        for m in pattern.finditer(text):
            month = MONTHS[m.group("m").rstrip(".").lower()]
            if m.group("y"):
                add(m, _full_date(int(m.group("y")), month, day_of(m.group("d")), frame))
            else:
                add(m, "[date]")
    for m in MONTH_YEAR.finditer(text):
        add(m, f"[month, {_year_text(int(m.group('y')), frame)}]", 39)
    for m in ISO_DATE.finditer(text):
        add(m, _full_date(int(m.group("y")), int(m.group("m")), int(m.group("d")), frame), 41)
    for m in NUMERIC_DATE.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), _year(m.group("y"), frame)
        day, month = (a, b) if b <= 12 else (b, a)  # day/month first, month/day if it must be
        add(m, _full_date(y, month, day, frame), 41)
    for m in DAY_MONTH.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if 1 <= a <= 31 and 1 <= b <= 12:
            add(m, "[date]", 30)
    for m in MONTH_ALONE.finditer(text):
        found.append(Candidate(m.start("m"), m.end(), "dates", "month", "[month]", 20))
    for m in FULL_MONTH_NAME.finditer(text):
        found.append(Candidate(m.start(), m.end(), "dates", "month", "[month]", 19))
    return found


def find_contacts(text: str) -> list[Candidate]:
    """E-mail addresses, URLs, IP addresses, postcodes, phone numbers and long digit runs."""
    found = [
        Candidate(m.start(), m.end(), "e-mail", "e-mail", "[e-mail]", 90)
        for m in EMAIL.finditer(text)
    ]
    for m in URL.finditer(text):
        end = m.start() + len(m.group(0).rstrip(".,;:!?"))
        found.append(Candidate(m.start(), end, "urls", "URL", "[URL]", 85))
    found += [
        Candidate(m.start(), m.end(), "ip-addresses", "IP address", "[IP address]", 80)
        for m in IP_ADDRESS.finditer(text)
    ]
    found += [
        Candidate(m.start(), m.end(), "postcodes", "postcode", "[postcode]", 45)
        for m in POSTCODE.finditer(text)
    ]
    for m in DIGIT_GROUPS.finditer(text):
        raw = m.group(0)
        digits = sum(ch.isdigit() for ch in raw)
        groups = re.findall(r"\d+", raw)
        prefixed = raw.startswith(("+", "00", "(", "0"))
        if digits >= 7 and (prefixed or len(groups) == 1 or min(map(len, groups)) >= 2):
            kind = "phone number" if prefixed else "number"
            rule = "phone-numbers" if prefixed else "digit-runs"
            found.append(Candidate(m.start(), m.end(), rule, kind, f"[{kind}]", 35))
    found += [
        Candidate(m.start(), m.end(), "digit-runs", "number", "[number]", 34)
        for m in re.finditer(r"(?<!\w)\d{6,}(?!\w)", text)
    ]
    return found


def find_ages(text: str) -> list[Candidate]:
    found = []
    for m in AGE.finditer(text):
        group = "a" if m.group("a") else "b"
        if int(m.group(group)) >= 90:
            found.append(Candidate(m.start(group), m.end(group), "ages-over-89", "age", "90+", 44))
    return found
