"""The client workspace: one page per part of the IPT record, for the client's current episode."""
