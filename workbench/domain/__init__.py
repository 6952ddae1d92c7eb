"""Entities and pure rules of the clinical core (no I/O, no Qt)."""
