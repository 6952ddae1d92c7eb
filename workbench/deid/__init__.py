"""De-identification by design: the record's own identifiers, then patterns, each replacement
marked for the clinician's preview (docs/deidentification.md)."""

from workbench.deid.engine import Deidentifier
from workbench.deid.model import RULES, KnownIdentifiers, KnownPerson, Mark, MarkedText

__all__ = ["RULES", "Deidentifier", "KnownIdentifiers", "KnownPerson", "Mark", "MarkedText"]
