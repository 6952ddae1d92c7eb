"""Helper run in a subprocess (``sys.executable _child.py <command> ...``) by the store tests.

A separate process is needed when the test must survive a crash (damaged files), be killed
(kill -9), hold its own OS locks, or run under its own resource limits. Secrets arrive through
the environment (WB_TEST_PASSPHRASE, WB_TEST_KEY as hex), never through argv. Every command
writes plain lines or one JSON document to stdout and exits 0 unless something untyped escaped.

Commands:
  killtest FOLDER TAG SEED N          unlock, then up to N single-row commits; "id sha" per commit
  open FOLDER                         unlock + read every client and note + check_integrity (JSON)
  fsize FOLDER TAG HEADROOM           commits under RLIMIT_FSIZE until a typed error, then resume
  writer FOLDER TAG N HOLD_S          a foreign writer (open_database directly, no vault lock)
  hold FOLDER MODE MAX_S              hold a write ("write") or read ("read") lock until told
  inuse FOLDER                        Vault.unlock while another process has the vault open (JSON)
  unlock FOLDER AT                    Vault.unlock with a fixed clock at epoch AT (JSON)
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import resource
import select
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbench.errors import WorkbenchError
from workbench.store import connection
from workbench.store.clients import add_client, list_clients, search_notes
from workbench.store.vault import DB_NAME, Vault

SEARCH_TERM = "relationship"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot(vault: Vault) -> dict[str, Any]:
    """What a user would see: the caseload list, every note's text, one note search."""
    with vault.reading() as conn:
        clients = [c._asdict() for c in list_clients(conn)]
        notes = conn.execute("SELECT id, body_text FROM notes ORDER BY id").fetchall()
        hits = [h.note_id for h in search_notes(conn, SEARCH_TERM, limit=1000)]
    return {
        "n_clients": len(clients),
        "clients": sha(json.dumps(clients, sort_keys=True, ensure_ascii=False)),
        "n_notes": len(notes),
        "notes": sha(json.dumps(notes, ensure_ascii=False)),
        "search": sha(json.dumps(sorted(hits))),
    }


def _passphrase() -> str:
    return os.environ["WB_TEST_PASSPHRASE"]


def _emit(doc: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(doc) + "\n")
    sys.stdout.flush()


def _line(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


# ----- commands ------------------------------------------------------------------------------


def cmd_killtest(folder: str, tag: str, seed: str, n: str) -> None:
    rng = random.Random(int(seed))
    vault = Vault.unlock(folder, _passphrase())
    _line("READY")
    for i in range(int(n)):
        payload = rng.randbytes(96).hex()
        with vault.transaction() as tx:
            cid = add_client(
                tx, vault.now(), given_name=tag, family_name=str(i), contact={"payload": payload}
            )
        _line(f"{cid} {sha(payload)}")  # only after COMMIT has returned
    _line("DONE")
    vault.close()


def cmd_open(folder: str) -> None:
    doc: dict[str, Any] = {"stage": "unlock"}
    try:
        vault = Vault.unlock(folder, _passphrase())
        try:
            doc["stage"] = "read"
            doc["data"] = snapshot(vault)
            doc["stage"] = "integrity"
            report = vault.check_integrity()
            doc["integrity"] = {
                "cipher": report.cipher_problems[:5],
                "n_cipher": len(report.cipher_problems),
                "structure": report.structure_problems[:5],
                "n_structure": len(report.structure_problems),
                "audit": report.audit_problems[:5],
                "ok": report.ok,
            }
            doc["read_only"] = vault.read_only
            if not report.ok:  # what the app would do next: save something
                try:
                    with vault.transaction() as tx:
                        add_client(tx, vault.now(), given_name="after", family_name="damage")
                    doc["write"] = "saved"
                except WorkbenchError as exc:
                    doc["write"] = type(exc).__name__
            doc["stage"] = "done"
        finally:
            vault.close()
    except WorkbenchError as exc:
        doc["error"] = type(exc).__name__
    except Exception as exc:  # reported, and failed by the parent: never a raw error
        doc["untyped"] = f"{type(exc).__module__}.{type(exc).__name__}: {exc}"[:300]
    _emit(doc)


def cmd_fsize(folder: str, tag: str, headroom: str) -> None:
    vault = Vault.unlock(folder, _passphrase())
    db = Path(folder) / DB_NAME
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills us at the limit
    limit = db.stat().st_size + int(headroom)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    _line(f"LIMIT {limit}")
    rng = random.Random(7)
    for i in range(5000):
        payload = rng.randbytes(500).hex()
        try:
            with vault.transaction() as tx:
                cid = add_client(
                    tx,
                    vault.now(),
                    given_name=tag,
                    family_name=str(i),
                    contact={"payload": payload},
                )
        except WorkbenchError as exc:
            cause = getattr(exc.__cause__, "sqlite_errorname", "")
            _line(f"ERR {type(exc).__name__} {cause}")
            break
        _line(f"ACK {cid} {sha(payload)}")
    else:
        _line("NOLIMIT")  # the limit never bit: the parent fails the test
    with vault.reading() as conn:  # the connection must stay readable after the error
        count = conn.execute(
            "SELECT count(*) FROM clients WHERE given_name = ?", (tag,)
        ).fetchone()[0]
    _line(f"COUNT {count}")
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    payload = "resumed"
    with vault.transaction() as tx:
        cid = add_client(
            tx, vault.now(), given_name=tag, family_name="resumed", contact={"payload": payload}
        )
    _line(f"RESUMED {cid} {sha(payload)}")
    vault.close()


def _foreign_connection(folder: str) -> Any:
    """The vault's database opened directly, as another program would: no folder lock."""
    key = bytes.fromhex(os.environ["WB_TEST_KEY"])
    return connection.open_database(Path(folder) / DB_NAME, key)


def cmd_writer(folder: str, tag: str, n: str, hold_s: str) -> None:
    conn = _foreign_connection(folder)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        for i in range(int(n)):
            conn.execute("BEGIN IMMEDIATE")
            add_client(conn, now, given_name=tag, family_name=str(i))
            if i == 0:
                _line("LOCKED")  # the parent starts writing now and has to wait for us
                time.sleep(float(hold_s))
            elif i % 50 == 0:
                time.sleep(float(hold_s) / 3)
            conn.execute("COMMIT")
            time.sleep(0.002)  # a foreign program that also does other work between writes
        _line(f"DONE {n}")
    finally:
        conn.close()


def cmd_hold(folder: str, mode: str, max_s: str) -> None:
    conn = _foreign_connection(folder)
    try:
        if mode == "write":
            conn.execute("BEGIN IMMEDIATE")
        else:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM clients").fetchone()  # takes the SHARED lock
        _line("LOCKED")
        select.select([sys.stdin], [], [], float(max_s))  # until the parent writes or closes
        conn.execute("ROLLBACK")
        _line("RELEASED")
    finally:
        conn.close()


def cmd_inuse(folder: str) -> None:
    touched: list[str] = []

    def refuse(name: str) -> Any:
        def fake(*args: Any, **kwargs: Any) -> Any:
            touched.append(name)
            raise RuntimeError(f"{name} must not be called while another process holds the vault")

        return fake

    import sqlcipher3

    from workbench.store import vault as vault_module

    vault_module.open_database = refuse("vault.open_database")
    connection.open_database = refuse("connection.open_database")
    sqlcipher3.connect = refuse("sqlcipher3.connect")
    real_os_open = os.open

    def watched_open(path: Any, *args: Any, **kwargs: Any) -> int:
        if DB_NAME in os.fspath(path):
            touched.append(f"os.open({Path(path).name})")
        return real_os_open(path, *args, **kwargs)

    os.open = watched_open  # type: ignore[assignment]
    doc: dict[str, Any] = {}
    try:
        Vault.unlock(folder, _passphrase()).close()
        doc["outcome"] = "opened"
    except WorkbenchError as exc:
        doc["error"] = type(exc).__name__
    except Exception as exc:
        doc["untyped"] = f"{type(exc).__name__}: {exc}"
    doc["touched"] = touched
    _emit(doc)


def cmd_unlock(folder: str, at: str) -> None:
    moment = datetime.fromtimestamp(float(at), UTC)
    doc: dict[str, Any] = {}
    try:
        Vault.unlock(folder, _passphrase(), clock=lambda: moment).close()
        doc["outcome"] = "opened"
    except WorkbenchError as exc:
        doc["error"] = type(exc).__name__
    _emit(doc)


COMMANDS = {
    "killtest": cmd_killtest,
    "open": cmd_open,
    "fsize": cmd_fsize,
    "writer": cmd_writer,
    "hold": cmd_hold,
    "inuse": cmd_inuse,
    "unlock": cmd_unlock,
}


def main(argv: list[str]) -> int:
    COMMANDS[argv[0]](*argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
