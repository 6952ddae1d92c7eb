-- Schema step "course": what a whole course of IPT needs beyond one episode. Each record is one
-- JSON body per episode and kind (documented in docs/vault-format.md), written by the services.

CREATE TABLE episode_records (
    episode_id  INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN (
                    'flag-carry', 'ending-review', 'maintenance-contract', 'adaptation',
                    'medication', 'problem-area')),
    body_json   TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (episode_id, kind)
) WITHOUT ROWID;

-- A risk note is signed as it is written, so it is locked from the start (addenda only).
CREATE TRIGGER notes_risk_are_signed BEFORE INSERT ON notes
WHEN NEW.kind = 'risk' AND NEW.status != 'signed'
BEGIN
    SELECT RAISE(ABORT, 'a risk note must be signed');
END;
