"""Practice mode on the desktop: fictional vignettes, never a clinical vault."""
