"""Recorded checklist state survives content updates: kept, retired, or new and open."""

from __future__ import annotations

from importlib import resources

from workbench.protocol import is_closed, load_profile, parse_profile, reconcile_checklist


def _updated_wmk() -> str:
    """The shipped WMK file with one item dropped and one added, as a content update would."""
    text = (resources.files("resources") / "protocol" / "wmk.toml").read_text(encoding="utf-8")
    start = text.index('[[checklist]]\nid = "initial.explain_measures"')
    end = text.index("[[checklist]]", start + 1)
    added = (
        '[[checklist]]\nid = "initial.new_task"\nphase = "initial"\nlevel = "recommended"\n'
        'text = "A task added in a later content version."\n\n'
    )
    return text[:start] + added + text[end:]


def test_known_ids_keep_status_retired_are_kept_new_start_open() -> None:
    profile = parse_profile(_updated_wmk(), "wmk-v2.toml")
    recorded = {
        "initial.inventory": "done",
        "initial.explain_measures": "done",  # removed from the content
        "initial.timeline": "not_applicable",
        "initial.custom_from_old_build": "open",  # never in this content
    }
    state = reconcile_checklist(profile, recorded)
    assert state.statuses["initial.inventory"] == "done"
    assert state.statuses["initial.timeline"] == "not_applicable"
    assert state.statuses["initial.new_task"] == "open"
    assert dict(state.retired) == {
        "initial.explain_measures": "done",
        "initial.custom_from_old_build": "open",
    }
    assert "initial.new_task" in state.new
    assert "initial.inventory" not in state.new
    assert set(state.statuses) == {item.id for item in profile.checklist}
    assert state.status("initial.explain_measures") == "done"  # retired, still readable
    assert state.status("nowhere") == "open"


def test_nothing_is_dropped_or_invented() -> None:
    profile = load_profile("WMK")
    recorded = {"initial.inventory": "done", "gone.item": "done"}
    state = reconcile_checklist(profile, recorded)
    kept = {k: v for k, v in state.statuses.items() if k in recorded}
    assert {**kept, **state.retired} == recorded
    assert len(state.new) == len(profile.checklist) - 1
    assert (state.profile_id, state.content_version) == ("WMK", profile.version)


def test_switching_profile_keeps_shared_ids() -> None:
    recorded = {"initial.formulation_agreed": "done", "middle.deficits.ruled_out": "done"}
    state = reconcile_checklist(load_profile("SR"), recorded)
    assert state.statuses["initial.formulation_agreed"] == "done"
    assert dict(state.retired) == {"middle.deficits.ruled_out": "done"}
    assert "middle.sensitivity.pace" in state.new


def test_only_done_and_not_applicable_close_an_item() -> None:
    assert is_closed("done") and is_closed("not_applicable")
    assert not any(is_closed(s) for s in ("open", "", "DONE", "later", None))
