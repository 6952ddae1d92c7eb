-- Schema v3: unsigned work in progress typed into forms (risk note, addendum, measure answers),
-- and a covering index for the latest PHQ-9 totals the caseload shows.
-- A draft is not a clinical record: never signed, never audited, never exported (export_json.py).

CREATE TABLE form_drafts (
    episode_id  INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('risk-note', 'addendum', 'measure')),
    ref         TEXT NOT NULL DEFAULT '',
    body_json   TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (episode_id, kind, ref)
) WITHOUT ROWID;

-- The caseload shows each client's latest two complete PHQ-9 totals: a covering index answers
-- that from one small B-tree instead of a table page per client (page reads cost decryption).
CREATE INDEX measure_administrations_latest
    ON measure_administrations(episode_id, instrument, complete, administered_on, id, total);
