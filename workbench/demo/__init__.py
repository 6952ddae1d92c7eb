"""Fictional demo caseloads: deterministic, realistic, in several scripts. Invented people only."""
