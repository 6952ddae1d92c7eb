"""The encrypted vault: the only package that speaks SQL."""
