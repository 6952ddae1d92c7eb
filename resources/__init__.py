"""Data and assets shipped with the app (icons; later protocol TOML, vignettes, fonts)."""
