-- Completes vaults made by the first release of schema v3: schema_v3.sql later gained the
-- covering PHQ-9 index and plan_reviews, which such vaults (already at v3) never ran. Every
-- statement is a no-op on a vault that has them, so it is safe for every v3 vault.
CREATE INDEX IF NOT EXISTS measure_administrations_latest
    ON measure_administrations(episode_id, instrument, complete, administered_on, id, total);

CREATE TABLE IF NOT EXISTS plan_reviews (
    episode_id  INTEGER PRIMARY KEY REFERENCES maintenance_plans(episode_id) ON DELETE CASCADE,
    review_date TEXT
);
INSERT OR IGNORE INTO plan_reviews (episode_id, review_date)
    SELECT episode_id, json_extract(plan_json, '$.review_date') FROM maintenance_plans;
CREATE TRIGGER IF NOT EXISTS plan_reviews_on_insert AFTER INSERT ON maintenance_plans BEGIN
    INSERT INTO plan_reviews (episode_id, review_date)
        VALUES (NEW.episode_id, json_extract(NEW.plan_json, '$.review_date'))
        ON CONFLICT (episode_id) DO UPDATE SET review_date = excluded.review_date;
END;
CREATE TRIGGER IF NOT EXISTS plan_reviews_on_update AFTER UPDATE OF plan_json ON maintenance_plans BEGIN
    INSERT INTO plan_reviews (episode_id, review_date)
        VALUES (NEW.episode_id, json_extract(NEW.plan_json, '$.review_date'))
        ON CONFLICT (episode_id) DO UPDATE SET review_date = excluded.review_date;
END;
