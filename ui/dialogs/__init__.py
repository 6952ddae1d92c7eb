"""Vault pages: unlock, create, recovery code."""
