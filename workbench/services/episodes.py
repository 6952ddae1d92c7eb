"""Clients and their courses of IPT: open an episode with its contract, renegotiate, end it."""

from __future__ import annotations

from dataclasses import replace

from workbench.domain.caseload import ClientRecord
from workbench.domain.episode import Contract, ContractChange, Episode, EpisodeKind
from workbench.domain.risk import open_flags_text
from workbench.errors import InvalidInput, NotFound
from workbench.protocol import load_profile
from workbench.store import clients, episodes, measures, meta, records
from workbench.store.vault import Vault


def set_clinician_name(vault: Vault, name: str) -> None:
    """The name that signs notes and reports."""
    if not name.strip():
        raise InvalidInput("Enter the name to sign notes with.")
    with vault.transaction() as tx:
        meta.put(tx, meta.CLINICIAN_NAME, name.strip())
        vault.audit(tx, "edit", "settings")


def signer(vault: Vault) -> str:
    with vault.reading() as conn:
        return meta.get(conn, meta.CLINICIAN_NAME) or vault.actor


def add_client(
    vault: Vault,
    given_name: str,
    family_name: str,
    *,
    preferred_name: str = "",
    date_of_birth: str | None = None,
    contact: dict[str, str] | None = None,
) -> int:
    if not (given_name.strip() or family_name.strip() or preferred_name.strip()):
        raise InvalidInput("Enter a name, initials or an alias for the client.")
    with vault.transaction() as tx:
        client_id = clients.add_client(
            tx,
            vault.now(),
            given_name=given_name.strip(),
            family_name=family_name.strip(),
            preferred_name=preferred_name.strip(),
            date_of_birth=date_of_birth,
            contact=contact,
        )
        vault.audit(tx, "create", "client", client_id)
    return client_id


def delete_client(vault: Vault, client_id: int) -> None:
    """Remove a client and everything recorded about them, index words and freed pages
    included (older backups still hold it until they are deleted)."""
    with vault.transaction() as tx:
        clients.delete_client(tx, client_id)
        vault.audit(tx, "delete", "client", client_id)
    vault.compact()


def contract_problems(contract: Contract, kind: EpisodeKind) -> list[str]:
    """The contract's own checks plus, for acute treatment, the profile's range of sessions."""
    found = contract.problems()
    if not found and kind is not EpisodeKind.MAINTENANCE:
        frame = load_profile(contract.manual_profile).contract
        if not frame.sessions_min <= contract.contracted_sessions <= frame.sessions_max:
            name = "S&R" if contract.manual_profile == "SR" else contract.manual_profile
            found.append(
                f"An acute {name} contract has {frame.sessions_min}–{frame.sessions_max} sessions."
            )
    return found


def open_episode(
    vault: Vault,
    client_id: int,
    contract: Contract,
    start_date: str,
    kind: EpisodeKind = EpisodeKind.ACUTE,
) -> int:
    problems = contract_problems(contract, kind)
    if problems:
        raise InvalidInput(" ".join(problems))
    with vault.transaction() as tx:
        episode_id = episodes.add_episode(
            tx,
            vault.now(),
            client_id,
            kind=kind.value,
            manual_profile=contract.manual_profile,
            contracted_sessions=contract.contracted_sessions,
            start_date=start_date,
            frequency=contract.frequency,
            format=contract.format.value,
            session_length_min=contract.session_length_min,
        )
        vault.audit(tx, "create", "episode", episode_id)
    return episode_id


def renegotiate(
    vault: Vault, episode_id: int, new_sessions: int, *, changed_on: str, reason: str
) -> None:
    """An explicit change of the session count, logged with old and new counts and the reason;
    an acute count stays within the manual profile's range."""
    episode = get_episode(vault, episode_id)
    if episode.ended:
        raise InvalidInput("This episode has ended; its contract can no longer change.")
    problems = contract_problems(
        replace(episode.contract, contracted_sessions=new_sessions), episode.kind
    )
    if problems:
        raise InvalidInput(" ".join(problems))
    with vault.transaction() as tx:
        episodes.renegotiate(
            tx, vault.now(), episode_id, new_sessions, changed_on=changed_on, reason=reason.strip()
        )
        vault.audit(tx, "edit", "contract", episode_id)


def end_episode(
    vault: Vault, episode_id: int, end_date: str, *, carry_open_flags: bool = False
) -> None:
    """End the episode. With a risk flag of the client still open it ends only when the
    clinician carries the flags forward explicitly (recorded and audited); never silently."""
    with vault.transaction() as tx:
        now = vault.now()
        client_id = measures.client_of(tx, episode_id)
        still_open = [f.id for f in measures.client_risk_flags(tx, client_id) if f.open]
        if still_open and not carry_open_flags:
            raise InvalidInput(
                f"{open_flags_text(len(still_open)).capitalize()} for this client. Write a risk "
                "note that closes it, or end the episode carrying the open flags forward."
            )
        episodes.end_episode(tx, now, episode_id, end_date)
        if still_open:
            records.put(
                tx,
                now,
                episode_id,
                records.FLAG_CARRY,
                {"carried_on": end_date, "flags": still_open},
            )
            for flag_id in still_open:
                vault.audit(tx, "edit", "risk-flag-carried-forward", flag_id)
        vault.audit(tx, "edit", "episode", episode_id)


def get_episode(vault: Vault, episode_id: int) -> Episode:
    with vault.reading() as conn:
        return episodes.get_episode(conn, episode_id)


def get_client(vault: Vault, client_id: int) -> ClientRecord:
    with vault.reading() as conn:
        return clients.get_client(conn, client_id)


def client_episodes(vault: Vault, client_id: int) -> list[Episode]:
    """Oldest first; the last one is the current course."""
    with vault.reading() as conn:
        return episodes.client_episodes(conn, client_id)


def current_episode(vault: Vault, client_id: int) -> Episode:
    found = client_episodes(vault, client_id)
    if not found:
        raise NotFound("This client has no episode of care yet.")
    return found[-1]


def sessions(vault: Vault, episode_id: int) -> list[tuple[int, int, str, str]]:
    """(id, number, date, attendance) of each session, in order."""
    with vault.reading() as conn:
        return episodes.episode_sessions(conn, episode_id)


def contract_changes(vault: Vault, episode_id: int) -> list[ContractChange]:
    with vault.reading() as conn:
        return episodes.contract_changes(conn, episode_id)


def start_client(
    vault: Vault,
    given_name: str,
    family_name: str,
    contract: Contract,
    start_date: str,
    *,
    preferred_name: str = "",
    date_of_birth: str | None = None,
) -> tuple[int, int]:
    """A new client with their first episode, in one action; returns (client id, episode id)."""
    if not (given_name.strip() or family_name.strip() or preferred_name.strip()):
        raise InvalidInput("Enter a name, initials or an alias for the client.")
    problems = contract_problems(contract, EpisodeKind.ACUTE)
    if problems:
        raise InvalidInput(" ".join(problems))
    with vault.transaction() as tx:
        now = vault.now()
        client_id = clients.add_client(
            tx,
            now,
            given_name=given_name.strip(),
            family_name=family_name.strip(),
            preferred_name=preferred_name.strip(),
            date_of_birth=date_of_birth,
        )
        episode_id = episodes.add_episode(
            tx,
            now,
            client_id,
            kind=EpisodeKind.ACUTE.value,
            manual_profile=contract.manual_profile,
            contracted_sessions=contract.contracted_sessions,
            start_date=start_date,
            frequency=contract.frequency,
            format=contract.format.value,
            session_length_min=contract.session_length_min,
        )
        vault.audit(tx, "create", "client", client_id)
        vault.audit(tx, "create", "episode", episode_id)
    return client_id, episode_id
