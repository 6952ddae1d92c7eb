-- Schema v3: unsigned work in progress typed into forms (risk note, addendum, measure answers),
-- and what the caseload list reads cheaply: the latest PHQ-9 totals and the next review date.
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

-- The caseload's "next review" column: one small row per maintenance plan, kept by triggers, so
-- listing 10,000 clients reads a compact B-tree instead of decrypting every plan's JSON.
CREATE TABLE plan_reviews (
    episode_id  INTEGER PRIMARY KEY REFERENCES maintenance_plans(episode_id) ON DELETE CASCADE,
    review_date TEXT
);
INSERT INTO plan_reviews (episode_id, review_date)
    SELECT episode_id, json_extract(plan_json, '$.review_date') FROM maintenance_plans;
CREATE TRIGGER plan_reviews_on_insert AFTER INSERT ON maintenance_plans BEGIN
    INSERT INTO plan_reviews (episode_id, review_date)
        VALUES (NEW.episode_id, json_extract(NEW.plan_json, '$.review_date'))
        ON CONFLICT (episode_id) DO UPDATE SET review_date = excluded.review_date;
END;
CREATE TRIGGER plan_reviews_on_update AFTER UPDATE OF plan_json ON maintenance_plans BEGIN
    INSERT INTO plan_reviews (episode_id, review_date)
        VALUES (NEW.episode_id, json_extract(NEW.plan_json, '$.review_date'))
        ON CONFLICT (episode_id) DO UPDATE SET review_date = excluded.review_date;
END;
