"""The clinician's profile: who signs the PDFs, and the crisis wording they chose for patients.

The app invents no crisis wording: without the clinician's own text and contacts the plan says
that none were set.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_TEXT = 2000
NO_CRISIS_CONTACTS = "Your clinician has not set crisis contacts in this app."


@dataclass(frozen=True)
class CrisisContact:
    name: str  # e.g. the service or person, as the clinician writes it
    how: str  # a phone number, an address, hours: as the clinician writes it


@dataclass(frozen=True)
class ClinicianProfile:
    name: str
    credentials: str = ""
    organisation: str = ""
    contact: str = ""
    crisis_text: str = ""  # the clinician's (or organisation's) own wording for the patient
    crisis_contacts: tuple[CrisisContact, ...] = ()

    def problems(self) -> list[str]:
        """Plain sentences, one per field that cannot be stored as it is."""
        found = []
        if not self.name.strip():
            found.append("Enter your name as it should sign notes and reports.")
        for label, value in (
            ("Name", self.name),
            ("Credentials", self.credentials),
            ("Organisation", self.organisation),
            ("Contact", self.contact),
            ("Crisis text", self.crisis_text),
        ):
            if len(value) > MAX_TEXT:
                found.append(f"“{label}” is longer than {MAX_TEXT} characters.")
        for n, person in enumerate(self.crisis_contacts, start=1):
            if not (person.name.strip() and person.how.strip()):
                found.append(f"Crisis contact {n} needs both a name and how to reach it.")
        return found

    @property
    def signature(self) -> str:
        """'Dr Ada Example, MSc, Example Clinic': how the PDFs are signed."""
        parts = (self.name, self.credentials, self.organisation)
        return ", ".join(p.strip() for p in parts if p.strip())

    @property
    def has_crisis_details(self) -> bool:
        return bool(self.crisis_text.strip() or self.crisis_contacts)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "credentials": self.credentials,
            "organisation": self.organisation,
            "contact": self.contact,
            "crisis_text": self.crisis_text,
            "crisis_contacts": [{"name": c.name, "how": c.how} for c in self.crisis_contacts],
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> ClinicianProfile:
        return cls(
            name=str(doc.get("name", "")),
            credentials=str(doc.get("credentials", "")),
            organisation=str(doc.get("organisation", "")),
            contact=str(doc.get("contact", "")),
            crisis_text=str(doc.get("crisis_text", "")),
            crisis_contacts=tuple(
                CrisisContact(str(c.get("name", "")), str(c.get("how", "")))
                for c in doc.get("crisis_contacts", [])
                if isinstance(c, dict)
            ),
        )
