"""Fidelity records: rating forms loaded from data (malformed ones named by file, line, field),
per-session self-ratings, supervision meetings and the case summary, stored and audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.domain.episode import Contract
from workbench.domain.fidelity import CaseSummary, SessionRating, SupervisionMeeting
from workbench.errors import InvalidInput
from workbench.fidelity import FormError, load_form_file, parse_form
from workbench.fidelity.forms import PHASES
from workbench.services import episodes, fidelity, sessions
from workbench.store import audit
from workbench.store.vault import Vault

GOOD = """version = 1
id = "org_scale"
label = "Our scale"
kind = "self-rating"
source = "our organisation"
scale = { min = 1, max = 5 }
anchors = [ { value = 1, label = "poor" }, { value = 5, label = "excellent" } ]

[[items]]
id = "focus"
text = "Kept the focus"
phases = ["middle"]

[[items]]
id = "affect"
text = "Encouraged affect"
phases = ["initial", "middle"]
"""


def test_shipped_forms_load_with_items_for_every_phase() -> None:
    self_rating = fidelity.forms("self-rating")
    supervisor = fidelity.forms("supervisor")
    assert self_rating and supervisor
    for form in (*self_rating, *supervisor):
        assert form.items and form.minimum < form.maximum
        for phase in ("initial", "middle", "maintenance"):
            assert form.items_for(phase), (form.id, phase)
        assert all(set(i.phases) <= set(PHASES) for i in form.items)


def test_an_organisations_form_loads_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "org.toml"
    path.write_text(GOOD, encoding="utf-8")
    form = load_form_file(path)
    assert [i.id for i in form.items] == ["focus", "affect"]
    assert form.anchors == ((1, "poor"), (5, "excellent"))


@pytest.mark.parametrize(
    ("old", "new", "line", "field"),
    [
        ('kind = "self-rating"', 'kind = "peer"', 4, "'kind'"),
        ('label = "Our scale"\n', "", 1, "'label'"),
        ("max = 5 }", "max = 1 }", 6, "'scale'"),
        ('{ value = 5, label = "excellent" }', '{ value = 9, label = "x" }', 7, "'value'"),
        ('phases = ["middle"]', 'phases = ["middel"]', 12, "'phases'"),
        ('id = "affect"', 'id = "focus"', 15, "duplicate item id"),
        ('text = "Kept the focus"', 'text = ""', 11, "'text'"),
        ('text = "Kept the focus"', 'text = "Kept the focus', 11, "TOML syntax"),
        ('id = "affect"', 'id = "Affect!"', 15, "'id'"),
        ('phases = ["middle"]', 'phases = ["middle"]\nweight = 2', 13, "'weight'"),
    ],
)
def test_a_malformed_form_is_refused_naming_file_line_and_field(
    old: str, new: str, line: int, field: str
) -> None:
    assert old in GOOD
    with pytest.raises(FormError) as caught:
        parse_form(GOOD.replace(old, new, 1), "resources/fidelity/org.toml")
    message = str(caught.value)
    assert message.startswith("Rating form error in resources/fidelity/org.toml")
    assert f"line {line}:" in message and field in message, message


@pytest.fixture
def course(vault: Vault) -> tuple[int, int, list[int]]:
    client = episodes.add_client(vault, "Ines", "Fairweather")
    episode = episodes.open_episode(vault, client, Contract("WMK", 12), "2026-03-02")
    held = [sessions.record_session(vault, episode, f"2026-03-{d:02d}")[0] for d in (2, 9)]
    return client, episode, held


def test_session_self_ratings_are_stored_replaced_and_audited(
    vault: Vault, course: tuple[int, int, list[int]]
) -> None:
    client, episode, (first, second) = course
    form = "ipt_session_self_rating"
    fidelity.rate_session(
        vault,
        SessionRating(first, form, {"checked_symptoms": 4, "inventory_and_timeline": 2}),
    )
    rating_id = fidelity.rate_session(
        vault,
        SessionRating(first, form, {"checked_symptoms": 5, "kept_the_focus": None}, "none", True),
    )
    fidelity.rate_session(vault, SessionRating(second, form, {"linked_mood_and_events": 3}))
    stored = fidelity.session_ratings(vault, episode)
    assert [(r.session_number, r.mean) for r in stored] == [(1, 5.0), (2, 3.0)]
    assert stored[0].recorded and stored[0].deviations == "none" and stored[0].form_version == 1
    with vault.reading() as conn:
        logged = audit.entries_for_client(conn, client)
    assert any(e.entity == "fidelity-rating" and e.entity_id == str(rating_id) for e in logged)
    for bad in ({"checked_symptoms": 6}, {"not_an_item": 3}, {"checked_symptoms": 0}):
        with pytest.raises(InvalidInput):
            fidelity.rate_session(vault, SessionRating(first, form, bad))
    with pytest.raises(InvalidInput):
        fidelity.rate_session(vault, SessionRating(first, "supervisor_rating", {}))


def test_supervision_meetings_and_case_summary(
    vault: Vault, course: tuple[int, int, list[int]]
) -> None:
    client, episode, _ = course
    other = episodes.add_client(vault, "Otto", "Blackwood")
    meeting = SupervisionMeeting(
        "2026-03-20",
        "Dr Supervisor Example",
        (client, other),
        "supervisor_rating",
        {"basic_ipt": 3, "specific_techniques": 4},
        "Role-play the next conversation with the partner.",
    )
    meeting_id = fidelity.record_meeting(vault, meeting)
    fidelity.record_meeting(vault, SupervisionMeeting("2026-03-27", "Dr S", (other,)))
    found = fidelity.meetings(vault, client)
    assert [m.id for m in found] == [meeting_id] and found[0].mean == 3.5
    assert found[0].client_ids == tuple(sorted((client, other)))
    assert len(fidelity.meetings(vault)) == 2
    for bad in (
        SupervisionMeeting("20 March", "Dr S", (client,)),
        SupervisionMeeting("2026-03-20", " ", (client,)),
        SupervisionMeeting("2026-03-20", "Dr S", ()),
        SupervisionMeeting("2026-03-20", "Dr S", (client,), "supervisor_rating", {"x": 1}),
        SupervisionMeeting("2026-03-20", "Dr S", (client,), "", {"basic_ipt": 1}),
    ):
        with pytest.raises(InvalidInput):
            fidelity.record_meeting(vault, bad)
    assert fidelity.case_summary(vault, episode) == CaseSummary()
    summary = CaseSummary("A paragraph.", "F32.1 moderate depressive episode", "2026-03-02", "Q?")
    fidelity.save_case_summary(vault, episode, summary)
    assert fidelity.case_summary(vault, episode) == summary
    with pytest.raises(InvalidInput):
        fidelity.save_case_summary(vault, episode, CaseSummary(sick_role_given_on="soon"))
