-- Schema v1 of the caseload vault. Free-form clinical detail lives in JSON columns (documented in
-- docs/vault-format.md) so the IPT content can grow without a migration per field.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE clients (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,            -- opaque code used in de-identified exports
    given_name    TEXT NOT NULL DEFAULT '',
    family_name   TEXT NOT NULL DEFAULT '',
    preferred_name TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT,                            -- ISO date
    contact_json  TEXT NOT NULL DEFAULT '{}',
    name_key      TEXT NOT NULL DEFAULT '',        -- case- and accent-folded names for search
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX clients_name_key ON clients(name_key);

CREATE TABLE episodes (
    id                  INTEGER PRIMARY KEY,
    client_id           INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('acute', 'continuation', 'maintenance')),
    manual_profile      TEXT NOT NULL CHECK (manual_profile IN ('WMK', 'SR')),
    contracted_sessions INTEGER NOT NULL CHECK (contracted_sessions > 0),
    session_length_min  INTEGER NOT NULL DEFAULT 50,
    frequency           TEXT NOT NULL DEFAULT 'weekly',
    format              TEXT NOT NULL DEFAULT 'individual'
                        CHECK (format IN ('individual', 'group', 'telephone', 'video')),
    start_date          TEXT NOT NULL,
    end_date            TEXT,
    status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX episodes_client ON episodes(client_id, start_date);

CREATE TABLE contract_changes (
    id          INTEGER PRIMARY KEY,
    episode_id  INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    changed_on  TEXT NOT NULL,
    old_sessions INTEGER NOT NULL,
    new_sessions INTEGER NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contract_changes_episode ON contract_changes(episode_id);

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    episode_id  INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number > 0),
    held_on     TEXT NOT NULL,
    attendance  TEXT NOT NULL DEFAULT 'attended'
                CHECK (attendance IN ('attended', 'cancelled', 'did_not_attend')),
    created_at  TEXT NOT NULL,
    UNIQUE (episode_id, number)
);

-- Session notes, signed addenda and risk notes: draft -> signed (locked, content hash stored).
CREATE TABLE notes (
    id           INTEGER PRIMARY KEY,
    episode_id   INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    session_id   INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES notes(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('session', 'addendum', 'risk')),
    body_json    TEXT NOT NULL DEFAULT '{}',
    body_text    TEXT NOT NULL DEFAULT '',        -- plain text of body_json, for search
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
    signed_by    TEXT,
    signed_at    TEXT,
    content_hash TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (status = 'draft' OR (signed_by IS NOT NULL AND signed_at IS NOT NULL
                                AND content_hash IS NOT NULL))
);
CREATE INDEX notes_session ON notes(session_id);
CREATE INDEX notes_episode ON notes(episode_id, kind);
CREATE INDEX notes_parent ON notes(parent_id);

CREATE TRIGGER notes_signed_are_locked BEFORE UPDATE ON notes WHEN OLD.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed note is locked');
END;

-- Full-text index inside the encrypted database; contentless, kept in step by triggers.
CREATE VIRTUAL TABLE note_search USING fts5(
    body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
    INSERT INTO note_search(rowid, body) VALUES (NEW.id, NEW.body_text);
END;
CREATE TRIGGER notes_search_update AFTER UPDATE OF body_text ON notes BEGIN
    DELETE FROM note_search WHERE rowid = OLD.id;
    INSERT INTO note_search(rowid, body) VALUES (NEW.id, NEW.body_text);
END;
CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
    DELETE FROM note_search WHERE rowid = OLD.id;
END;

-- Psychotherapy ("process") notes live apart: not indexed, never exported by default.
CREATE TABLE process_notes (
    id          INTEGER PRIMARY KEY,
    episode_id  INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    session_id  INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
    body        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX process_notes_episode ON process_notes(episode_id);

CREATE TABLE inventory_people (
    id           INTEGER PRIMARY KEY,
    episode_id   INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    alias        TEXT NOT NULL,
    relationship TEXT NOT NULL DEFAULT 'other',
    details_json TEXT NOT NULL DEFAULT '{}',       -- the per-person fields of ipt-reference 7.1
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX inventory_people_episode ON inventory_people(episode_id);

CREATE TABLE circle_snapshots (
    id          INTEGER PRIMARY KEY,
    episode_id  INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    taken_on    TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX circle_snapshots_episode ON circle_snapshots(episode_id);

CREATE TABLE circle_placements (
    snapshot_id INTEGER NOT NULL REFERENCES circle_snapshots(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES inventory_people(id) ON DELETE CASCADE,
    ring        INTEGER NOT NULL CHECK (ring IN (1, 2, 3)),
    line_style  TEXT NOT NULL DEFAULT 'supportive',
    PRIMARY KEY (snapshot_id, person_id)
) WITHOUT ROWID;

CREATE TABLE timeline_events (
    id             INTEGER PRIMARY KEY,
    episode_id     INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    event_date     TEXT NOT NULL,
    date_precision TEXT NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
    event_type     TEXT NOT NULL DEFAULT 'other',
    impact         INTEGER CHECK (impact BETWEEN 0 AND 10),
    symptom_marker TEXT,
    notes          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX timeline_events_episode ON timeline_events(episode_id, event_date);

CREATE TABLE timeline_event_people (
    event_id  INTEGER NOT NULL REFERENCES timeline_events(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES inventory_people(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, person_id)
) WITHOUT ROWID;

CREATE TABLE formulations (
    episode_id       INTEGER PRIMARY KEY REFERENCES episodes(id) ON DELETE CASCADE,
    primary_area     TEXT,
    secondary_area   TEXT,
    sections_json    TEXT NOT NULL DEFAULT '{}',
    statement        TEXT NOT NULL DEFAULT '',
    shared_on        TEXT,
    patient_agreed   TEXT,
    patient_words    TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL
);

CREATE TABLE goals (
    id           INTEGER PRIMARY KEY,
    episode_id   INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    problem_area TEXT,
    text         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open',
    position     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX goals_episode ON goals(episode_id, position);

CREATE TABLE measure_administrations (
    id             INTEGER PRIMARY KEY,
    episode_id     INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    session_id     INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    instrument     TEXT NOT NULL,
    administered_on TEXT NOT NULL,
    total          INTEGER,
    complete       INTEGER NOT NULL CHECK (complete IN (0, 1)),
    created_at     TEXT NOT NULL
);
CREATE INDEX measure_administrations_episode
    ON measure_administrations(episode_id, instrument, administered_on);

CREATE TABLE measure_responses (
    administration_id INTEGER NOT NULL
                      REFERENCES measure_administrations(id) ON DELETE CASCADE,
    item              INTEGER NOT NULL CHECK (item > 0),
    value             INTEGER NOT NULL,
    PRIMARY KEY (administration_id, item)
) WITHOUT ROWID;

CREATE TABLE risk_flags (
    id                INTEGER PRIMARY KEY,
    episode_id        INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    administration_id INTEGER REFERENCES measure_administrations(id) ON DELETE SET NULL,
    source            TEXT NOT NULL,                 -- e.g. 'PHQ-9 item 9'
    raised_at         TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'noted')),
    note_id           INTEGER REFERENCES notes(id) ON DELETE SET NULL,
    CHECK (status = 'open' OR note_id IS NOT NULL)
);
CREATE INDEX risk_flags_episode ON risk_flags(episode_id, status);

CREATE TABLE checklist_state (
    episode_id   INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,                    -- stable protocol item id
    status       TEXT NOT NULL CHECK (status IN ('open', 'done', 'not_applicable')),
    note         TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (episode_id, item_id)
) WITHOUT ROWID;

CREATE TABLE maintenance_plans (
    episode_id  INTEGER PRIMARY KEY REFERENCES episodes(id) ON DELETE CASCADE,
    plan_json   TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL
);

-- Append-only, hash-chained record of who did what and when; never note content.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL DEFAULT '',
    entity_id  TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
