"""Released schema steps and their fixture vaults are frozen: any edit fails here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from workbench.store import migrations

STORE = Path(migrations.__file__).resolve().parent
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# The SQL of every released step. A step that shipped is never edited: add a new step instead
# (schema_v3.sql was edited twice after shipping; schema_v3_completion.sql repairs vaults made
# by its first release, and from here on it is frozen).
RELEASED_STEPS = {
    1: ("schema_v1.sql", "d77c260357737610260cef300b55cc451e7334e4ab130cfe09920f0cefcef0d0"),
    2: ("schema_v2.sql", "b1b288f16205fd5801f93b1767c861d230e6b416b30c7c99b276fa368bacc00b"),
    3: ("schema_v3.sql", "adce69280a04e3ecd43538a5ac1d20fb2904afb5a6fece0667564ec8ab26eac1"),
}
# Fixture vaults, each made once by the commit that introduced its version and never remade:
# v1 at e530173, v2 at f1eaff9, v3 at 04e45ba (the first release of v3).
FIXTURE_DATABASES = {
    1: "8264cefb6c5638dfb7a53f7e0e2302e36d9b48c10f022acaaf046dda06010bff",
    2: "1453edf4d63f73c6aeda05179ee4b737f5e1e250e421d0944365af1c461ba046",
    3: "149f59fa44d22712adfeaca1efcb7d8de979fec17c72f6ae321fe7d084bb04b6",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("version", sorted(RELEASED_STEPS))
def test_a_released_step_is_never_edited(version: int) -> None:
    name, digest = RELEASED_STEPS[version]
    assert _sha256(STORE / name) == digest, f"{name} shipped: add a new step instead"
    assert migrations.STEPS[version - 1]() == (STORE / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("version", sorted(FIXTURE_DATABASES))
def test_each_released_version_keeps_its_original_fixture(version: int) -> None:
    database = FIXTURES / f"vault_v{version}.iptvault" / "caseload.db"
    assert _sha256(database) == FIXTURE_DATABASES[version], "fixture vaults are never remade"
    assert (FIXTURES / f"vault_v{version}.manifest.json").is_file()
