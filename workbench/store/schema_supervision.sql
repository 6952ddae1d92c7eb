-- Supervision step: what de-identification must know (aliases, nicknames and places on the
-- client, each inventory person and each timeline event), and the fidelity records.
-- Lists are JSON arrays of strings (docs/vault-format.md).

ALTER TABLE clients ADD COLUMN aliases_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE clients ADD COLUMN places_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE inventory_people ADD COLUMN aliases_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE inventory_people ADD COLUMN places_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE timeline_events ADD COLUMN places_json TEXT NOT NULL DEFAULT '[]';

-- Per-session adherence self-rating on a loaded rating form (resources/fidelity/), with the
-- deviations from protocol and whether the session was recorded and the recording reviewed.
CREATE TABLE fidelity_ratings (
    id                 INTEGER PRIMARY KEY,
    episode_id         INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    session_id         INTEGER NOT NULL UNIQUE REFERENCES sessions(id) ON DELETE CASCADE,
    form_id            TEXT NOT NULL,
    form_version       INTEGER NOT NULL,
    ratings_json       TEXT NOT NULL DEFAULT '{}',
    deviations         TEXT NOT NULL DEFAULT '',
    recorded           INTEGER NOT NULL DEFAULT 0 CHECK (recorded IN (0, 1)),
    recording_reviewed INTEGER NOT NULL DEFAULT 0 CHECK (recording_reviewed IN (0, 1)),
    updated_at         TEXT NOT NULL
);
CREATE INDEX fidelity_ratings_episode ON fidelity_ratings(episode_id);

-- A supervision meeting: who supervised, which cases were discussed, ratings on a loaded
-- supervisor form, the actions agreed.
CREATE TABLE supervision_meetings (
    id             INTEGER PRIMARY KEY,
    held_on        TEXT NOT NULL,
    supervisor     TEXT NOT NULL,
    form_id        TEXT NOT NULL DEFAULT '',
    form_version   INTEGER NOT NULL DEFAULT 0,
    ratings_json   TEXT NOT NULL DEFAULT '{}',
    agreed_actions TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE TABLE supervision_meeting_cases (
    meeting_id INTEGER NOT NULL REFERENCES supervision_meetings(id) ON DELETE CASCADE,
    client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, client_id)
) WITHOUT ROWID;
CREATE INDEX supervision_meeting_cases_client ON supervision_meeting_cases(client_id);

-- The clinician's case summary for the supervisor report: one paragraph, the diagnosis as
-- recorded, when the sick role was given, and questions for supervision.
CREATE TABLE case_summaries (
    episode_id         INTEGER PRIMARY KEY REFERENCES episodes(id) ON DELETE CASCADE,
    summary            TEXT NOT NULL DEFAULT '',
    diagnosis          TEXT NOT NULL DEFAULT '',
    sick_role_given_on TEXT,
    questions          TEXT NOT NULL DEFAULT '',
    updated_at         TEXT NOT NULL
);
