"""Course, problem-area and care words the core stores, marked for translators."""

from __future__ import annotations

from ui.i18n import QT_TRANSLATE_NOOP

COURSE_VOCABULARY: tuple[str, ...] = (
    # workbench.domain.course: NEXT_STEPS, MAINTENANCE_FREQUENCIES, ENDING_NAMES
    QT_TRANSLATE_NOOP("vocabulary", "end acute treatment with optional check-ins"),
    QT_TRANSLATE_NOOP("vocabulary", "continuation"),
    QT_TRANSLATE_NOOP("vocabulary", "maintenance"),
    QT_TRANSLATE_NOOP("vocabulary", "another treatment"),
    QT_TRANSLATE_NOOP("vocabulary", "weekly"),
    QT_TRANSLATE_NOOP("vocabulary", "fortnightly"),
    QT_TRANSLATE_NOOP("vocabulary", "monthly"),
    QT_TRANSLATE_NOOP("vocabulary", "every two months"),
    QT_TRANSLATE_NOOP("vocabulary", "termination"),
    QT_TRANSLATE_NOOP("vocabulary", "conclusion"),
    QT_TRANSLATE_NOOP("vocabulary", "acute"),
    # workbench.domain.problem_areas: DISPUTE_STAGES
    QT_TRANSLATE_NOOP("vocabulary", "impasse"),
    QT_TRANSLATE_NOOP("vocabulary", "renegotiation"),
    QT_TRANSLATE_NOOP("vocabulary", "dissolution"),
    # workbench.domain.care: DELIVERY, POPULATIONS
    QT_TRANSLATE_NOOP("vocabulary", "in person"),
    QT_TRANSLATE_NOOP("vocabulary", "telephone"),
    QT_TRANSLATE_NOOP("vocabulary", "video"),
    QT_TRANSLATE_NOOP("vocabulary", "group"),
    QT_TRANSLATE_NOOP("vocabulary", "adult"),
    QT_TRANSLATE_NOOP("vocabulary", "adolescent"),
    QT_TRANSLATE_NOOP("vocabulary", "perinatal"),
    QT_TRANSLATE_NOOP("vocabulary", "older adult"),
)
