"""Problem-area records, medication and referrals, and format/adaptation of an episode (audited).

S&R interpersonal sensitivity is a modifier beside a primary area, never the primary area itself.
"""

from __future__ import annotations

from workbench.domain.care import Adaptation, MedicationRecord
from workbench.domain.problem_areas import ProblemAreaRecords
from workbench.errors import InvalidInput
from workbench.store import inventory, records
from workbench.store.vault import Vault


def save_problem_areas(vault: Vault, episode_id: int, doc: ProblemAreaRecords) -> None:
    """Store the episode's problem-area records; people must come from its inventory."""
    parts = [doc.dispute, doc.grief, doc.transition, doc.deficits]
    problems = [p for part in parts if part is not None for p in part.problems()]
    with vault.transaction() as tx:
        living = {p.id: p.details.living for p in inventory.people(tx, episode_id)}
        if doc.dispute and doc.dispute.person_id not in living:
            problems.append("The other party of a dispute comes from this episode's inventory.")
        elif doc.dispute and not living[doc.dispute.person_id]:
            problems.append("A dispute is with a living person; a death is grief work.")
        if doc.grief and doc.grief.person_id is not None and doc.grief.person_id not in living:
            problems.append("The person who died comes from this episode's inventory.")
        if problems:
            raise InvalidInput(" ".join(dict.fromkeys(problems)))
        records.put(tx, vault.now(), episode_id, records.PROBLEM_AREA, doc.to_json())
        vault.audit(tx, "edit", "problem-area-records", episode_id)


def problem_areas(vault: Vault, episode_id: int) -> ProblemAreaRecords:
    with vault.reading() as conn:
        doc = records.get(conn, episode_id, records.PROBLEM_AREA)
    return ProblemAreaRecords() if doc is None else ProblemAreaRecords.from_json(doc)


def save_medication(vault: Vault, episode_id: int, record: MedicationRecord) -> None:
    problems = record.problems()
    if problems:
        raise InvalidInput(" ".join(dict.fromkeys(problems)))
    with vault.transaction() as tx:
        records.put(tx, vault.now(), episode_id, records.MEDICATION, record.to_json())
        vault.audit(tx, "edit", "medication", episode_id)


def medication(vault: Vault, episode_id: int) -> MedicationRecord | None:
    with vault.reading() as conn:
        doc = records.get(conn, episode_id, records.MEDICATION)
    return None if doc is None else MedicationRecord.from_json(doc)


def save_adaptation(vault: Vault, episode_id: int, adaptation: Adaptation) -> None:
    problems = adaptation.problems()
    if problems:
        raise InvalidInput(" ".join(problems))
    with vault.transaction() as tx:
        records.put(tx, vault.now(), episode_id, records.ADAPTATION, adaptation.to_json())
        vault.audit(tx, "edit", "adaptation", episode_id)


def adaptation(vault: Vault, episode_id: int) -> Adaptation | None:
    with vault.reading() as conn:
        doc = records.get(conn, episode_id, records.ADAPTATION)
    return None if doc is None else Adaptation.from_json(doc)
