"""Screenshots of the supervision dialogs (light): the de-identification preview, the pack,
the session self-rating, the case summary and the supervision meeting (run by hand).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shoot_supervision.py [--out DIR]

Everything happens in a temporary folder with invented clients; each dialog is grabbed with
`QWidget.grab()`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from tests.reports.course import SISTER, record_course  # noqa: E402
from tests.support import FAST_KDF  # noqa: E402
from tests.ui.workspace.shoot_pages import settle  # noqa: E402
from ui.dialogs.deid_preview import DeidPreviewDialog  # noqa: E402
from ui.dialogs.fidelity_dialogs import CaseSummaryDialog, SessionRatingDialog  # noqa: E402
from ui.dialogs.meeting_dialog import MeetingDialog  # noqa: E402
from ui.dialogs.pack_dialog import PackDialog  # noqa: E402
from ui.session import VaultSession  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402
from workbench.services import episodes, identifiers, sessions  # noqa: E402
from workbench.store import keyslots  # noqa: E402
from workbench.store.vault import Vault  # noqa: E402


def shoot(dialog: QDialog, runner: TaskRunner, out: Path, name: str) -> None:
    dialog.show()
    settle(runner, 400)
    dialog.grab().save(str(out / f"{name}-light.png"))
    dialog.reject()
    settle(runner, 100)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    keyslots.KDF_FLOOR = FAST_KDF  # screenshots need no tuned Argon2id
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        vault, _code = Vault.create(Path(tmp) / "shots", "invented passphrase", kdf=FAST_KDF)
        client = record_course(vault, sessions_held=4)
        record_course(vault, sessions_held=3)
        identifiers.set_client_identifiers(vault, client, aliases=["Leni"], places=["Thornwick"])
        episode = episodes.current_episode(vault, client).id
        _, note_id = sessions.record_session(vault, episode, "2026-02-02")
        sessions.save_note(
            vault,
            note_id,
            {"check_in": f"Leni met {SISTER} in Thornwick near Bakerloo Parade; mood low."},
        )
        runner, cpu = TaskRunner(), TaskRunner()
        session = VaultSession(vault, runner, cpu)
        preview = DeidPreviewDialog(session, client, "session-summary", None)
        preview.show()
        settle(runner, 300)
        preview.term.setText("Bakerloo Parade")
        preview.add_term()
        shoot(preview, runner, out, "deid-preview")
        pack = PackDialog(session, client)
        shoot(pack, runner, out, "supervision-pack")
        rating = SessionRatingDialog(session, client)
        settle(runner, 200)
        for index, box in enumerate(rating.grid.boxes.values()):
            if index < 4:
                box.setValue(3 + index % 3)
        shoot(rating, runner, out, "session-self-rating")
        summary = CaseSummaryDialog(session, client)
        settle(runner, 200)
        summary.summary.setPlainText(
            "A woman in her fifties with a first depressive episode after repeated rows with "
            "her sister about their mother's care; IPT focus: role dispute."
        )
        summary.diagnosis.setText("F32.1 moderate depressive episode")
        summary.questions.setPlainText("Is the dispute at impasse rather than renegotiation?")
        shoot(summary, runner, out, "case-summary")
        meeting = MeetingDialog(session, client)
        settle(runner, 200)
        meeting.supervisor.setText("Dr Invented Supervisor")
        meeting.actions_box.setPlainText("Bring a recording of session 3.")
        shoot(meeting, runner, out, "supervision-meeting")
        session.close(list)
    app.quit()


if __name__ == "__main__":
    main()
