"""The demo caseload: deterministic, every phase, every part of the record, consistent."""

from __future__ import annotations

import json
from collections import Counter

from workbench.demo.build import fill_demo
from workbench.demo.generator import bundles
from workbench.domain.phase import Phase
from workbench.services import formulation, measures, risk, sessions, status
from workbench.services.caseload import find_clients
from workbench.store import episodes as episode_store
from workbench.store.notes import content_hash
from workbench.store.vault import Vault


def test_the_same_seed_gives_the_same_caseload() -> None:
    assert list(bundles(40, 9)) == list(bundles(40, 9))
    assert list(bundles(40, 9)) != list(bundles(40, 10))


def test_demo_fills_every_part_at_every_phase(vault: Vault) -> None:
    fill_demo(vault, 120, seed=4)
    clients = find_clients(vault)
    phases = Counter(c.phase for c in clients)
    for phase in (
        Phase.INITIAL,
        Phase.MIDDLE,
        Phase.TERMINATION,
        Phase.CONCLUSION,
        Phase.MAINTENANCE,
    ):
        assert phases[phase] > 0, phase
    assert sum(c.open_risk_flags for c in clients) > 0
    with vault.reading() as conn:
        episode_ids = [e.id for c in clients for e in episode_store.client_episodes(conn, c.id)]
    plans = ticked = agreed = signed = 0
    for episode_id in episode_ids:
        state = status.episode_status(vault, episode_id)  # never raises on demo data
        assert state.session_label.startswith("session ")
        ticked += sum(
            1 for s in status.checklist(vault, episode_id).statuses.values() if s == "done"
        )
        plans += formulation.get_plan(vault, episode_id) is not None
        f = formulation.get_formulation(vault, episode_id)
        agreed += bool(f and f.agreed)
        for flag in risk.flags(vault, episode_id):
            if not flag.open:
                assert flag.note_id is not None
                assert sessions.get_note(vault, flag.note_id).signed
        for admin in measures.administrations(vault, episode_id):
            assert admin.complete and admin.total == sum(admin.responses.values())
    assert plans > 0 and ticked > 0 and agreed > 0
    with vault.reading() as conn:
        rows = conn.execute(
            "SELECT id FROM notes WHERE status = 'signed' ORDER BY id LIMIT 50"
        ).fetchall()
    for (note_id,) in rows:
        note = sessions.get_note(vault, note_id)
        assert note.signature is not None
        body_json = json.dumps(note.body, ensure_ascii=False, sort_keys=True)
        expected = content_hash(body_json, note.signature.signed_by, note.signature.signed_at)
        signed += note.signature.content_hash == expected
    assert signed == len(rows)  # the stored hash is the real hash of what was signed
    assert vault.check_integrity().ok


def test_every_report_builds_for_varied_demo_clients(vault: Vault) -> None:
    from workbench.errors import NotFound
    from workbench.services import export

    fill_demo(vault, 24, seed=8)
    built = 0
    for client in find_clients(vault):
        for kind in export.KINDS:
            for deidentify in (False, True) if kind != "maintenance-plan" else (False,):
                try:
                    pdf = export.build(vault, client.id, kind, deidentify=deidentify)
                except NotFound:
                    continue  # no session yet, or no maintenance plan: a plain message
                assert pdf.startswith(b"%PDF")
                built += 1
    assert built > 40
