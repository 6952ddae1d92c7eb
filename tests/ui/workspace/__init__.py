"""Tests of the client workspace pages (real vault, Qt offscreen)."""
