"""Fidelity rating forms loaded from data (resources/fidelity/*.toml), validated on load."""

from workbench.fidelity.forms import (
    FormError,
    FormItem,
    RatingForm,
    list_forms,
    load_form,
    load_form_file,
    parse_form,
)

__all__ = [
    "FormError",
    "FormItem",
    "RatingForm",
    "list_forms",
    "load_form",
    "load_form_file",
    "parse_form",
]
