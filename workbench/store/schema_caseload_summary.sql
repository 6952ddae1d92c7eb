-- Caseload summary: one row per client holding everything the caseload list shows (names and
-- code, current episode, sessions held, open risk flags, latest two PHQ-9 totals, next review),
-- kept current by triggers on every write and stored in name order, so listing or searching
-- 30,000 clients reads one compact B-tree from the first row on: no join, no sort, and no
-- correlated subqueries per client. The view is the single definition of every value: the
-- triggers copy from it, and tests compare the table with it after random writes.

CREATE VIEW caseload_current AS
SELECT c.family_name AS family_name,
       c.given_name AS given_name,
       c.id AS client_id,
       c.preferred_name AS preferred_name,
       c.code AS code,
       c.name_key AS name_key,
       e.id AS episode_id,
       e.kind AS kind,
       e.manual_profile AS manual_profile,
       e.contracted_sessions AS contracted_sessions,
       e.status AS status,
       (SELECT max(s.number) FROM sessions s WHERE s.episode_id = e.id) AS sessions_held,
       (SELECT count(*) FROM risk_flags r JOIN episodes re ON re.id = r.episode_id
         WHERE re.client_id = c.id AND r.status = 'open') AS open_flags,
       (SELECT m.total FROM measure_administrations m
         WHERE m.episode_id = e.id AND m.instrument = 'PHQ-9' AND m.complete = 1
           AND m.voided_at IS NULL
         ORDER BY m.administered_on DESC, m.id DESC LIMIT 1) AS last_phq9,
       (SELECT m.total FROM measure_administrations m
         WHERE m.episode_id = e.id AND m.instrument = 'PHQ-9' AND m.complete = 1
           AND m.voided_at IS NULL
         ORDER BY m.administered_on DESC, m.id DESC LIMIT 1 OFFSET 1) AS previous_phq9,
       (SELECT p.review_date FROM plan_reviews p WHERE p.episode_id = e.id) AS review_date
FROM clients c
LEFT JOIN episodes e ON e.id = (
    SELECT id FROM episodes WHERE client_id = c.id ORDER BY start_date DESC, id DESC LIMIT 1);

CREATE TABLE caseload_summary (
    family_name         TEXT NOT NULL,
    given_name          TEXT NOT NULL,
    client_id           INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    preferred_name      TEXT NOT NULL,
    code                TEXT NOT NULL,
    name_key            TEXT NOT NULL,
    episode_id          INTEGER,
    kind                TEXT,
    manual_profile      TEXT,
    contracted_sessions INTEGER,
    status              TEXT,
    sessions_held       INTEGER,
    open_flags          INTEGER NOT NULL DEFAULT 0,
    last_phq9           INTEGER,
    previous_phq9       INTEGER,
    review_date         TEXT,
    PRIMARY KEY (family_name, given_name, client_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX caseload_summary_client ON caseload_summary(client_id);
CREATE INDEX caseload_summary_episode ON caseload_summary(episode_id);
INSERT INTO caseload_summary SELECT * FROM caseload_current;

CREATE TRIGGER caseload_summary_client_insert AFTER INSERT ON clients BEGIN
    INSERT INTO caseload_summary SELECT * FROM caseload_current WHERE client_id = NEW.id;
END;
CREATE TRIGGER caseload_summary_client_update
AFTER UPDATE OF family_name, given_name, preferred_name, code, name_key ON clients BEGIN
    UPDATE caseload_summary
        SET (family_name, given_name, preferred_name, code, name_key)
          = (NEW.family_name, NEW.given_name, NEW.preferred_name, NEW.code, NEW.name_key)
    WHERE client_id = NEW.id;
END;

-- Which episode is current can change with any episode write: recompute the client's whole row.
CREATE TRIGGER caseload_summary_episode_insert AFTER INSERT ON episodes BEGIN
    UPDATE caseload_summary SET (episode_id, kind, manual_profile, contracted_sessions, status,
                                 sessions_held, open_flags, last_phq9, previous_phq9, review_date)
        = (SELECT episode_id, kind, manual_profile, contracted_sessions, status, sessions_held,
                  open_flags, last_phq9, previous_phq9, review_date
           FROM caseload_current WHERE client_id = NEW.client_id)
    WHERE client_id = NEW.client_id;
END;
CREATE TRIGGER caseload_summary_episode_update AFTER UPDATE ON episodes BEGIN
    UPDATE caseload_summary SET (episode_id, kind, manual_profile, contracted_sessions, status,
                                 sessions_held, open_flags, last_phq9, previous_phq9, review_date)
        = (SELECT episode_id, kind, manual_profile, contracted_sessions, status, sessions_held,
                  open_flags, last_phq9, previous_phq9, review_date
           FROM caseload_current WHERE client_id = caseload_summary.client_id)
    WHERE client_id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER caseload_summary_episode_delete AFTER DELETE ON episodes BEGIN
    UPDATE caseload_summary SET (episode_id, kind, manual_profile, contracted_sessions, status,
                                 sessions_held, open_flags, last_phq9, previous_phq9, review_date)
        = (SELECT episode_id, kind, manual_profile, contracted_sessions, status, sessions_held,
                  open_flags, last_phq9, previous_phq9, review_date
           FROM caseload_current WHERE client_id = OLD.client_id)
    WHERE client_id = OLD.client_id;
END;

-- Sessions, PHQ-9 totals and review dates count only for the client's current episode.
CREATE TRIGGER caseload_summary_session_insert AFTER INSERT ON sessions BEGIN
    UPDATE caseload_summary
        SET sessions_held = (SELECT max(number) FROM sessions WHERE episode_id = NEW.episode_id)
    WHERE episode_id = NEW.episode_id;
END;
CREATE TRIGGER caseload_summary_session_update AFTER UPDATE OF episode_id, number ON sessions
BEGIN
    UPDATE caseload_summary
        SET sessions_held = (SELECT max(s.number) FROM sessions s
                             WHERE s.episode_id = caseload_summary.episode_id)
    WHERE episode_id IN (OLD.episode_id, NEW.episode_id);
END;
CREATE TRIGGER caseload_summary_session_delete AFTER DELETE ON sessions BEGIN
    UPDATE caseload_summary
        SET sessions_held = (SELECT max(number) FROM sessions WHERE episode_id = OLD.episode_id)
    WHERE episode_id = OLD.episode_id;
END;

CREATE TRIGGER caseload_summary_measure_insert AFTER INSERT ON measure_administrations
WHEN NEW.instrument = 'PHQ-9' BEGIN
    UPDATE caseload_summary SET (last_phq9, previous_phq9)
        = (SELECT last_phq9, previous_phq9 FROM caseload_current
           WHERE client_id = caseload_summary.client_id)
    WHERE episode_id = NEW.episode_id;
END;
CREATE TRIGGER caseload_summary_measure_update AFTER UPDATE ON measure_administrations
WHEN 'PHQ-9' IN (OLD.instrument, NEW.instrument) BEGIN
    UPDATE caseload_summary SET (last_phq9, previous_phq9)
        = (SELECT last_phq9, previous_phq9 FROM caseload_current
           WHERE client_id = caseload_summary.client_id)
    WHERE episode_id IN (OLD.episode_id, NEW.episode_id);
END;
CREATE TRIGGER caseload_summary_measure_delete AFTER DELETE ON measure_administrations
WHEN OLD.instrument = 'PHQ-9' BEGIN
    UPDATE caseload_summary SET (last_phq9, previous_phq9)
        = (SELECT last_phq9, previous_phq9 FROM caseload_current
           WHERE client_id = caseload_summary.client_id)
    WHERE episode_id = OLD.episode_id;
END;

CREATE TRIGGER caseload_summary_review_insert AFTER INSERT ON plan_reviews BEGIN
    UPDATE caseload_summary SET review_date = NEW.review_date
    WHERE episode_id = NEW.episode_id;
END;
CREATE TRIGGER caseload_summary_review_update AFTER UPDATE ON plan_reviews BEGIN
    UPDATE caseload_summary
        SET review_date = (SELECT p.review_date FROM plan_reviews p
                           WHERE p.episode_id = caseload_summary.episode_id)
    WHERE episode_id IN (OLD.episode_id, NEW.episode_id);
END;
CREATE TRIGGER caseload_summary_review_delete AFTER DELETE ON plan_reviews BEGIN
    UPDATE caseload_summary SET review_date = NULL WHERE episode_id = OLD.episode_id;
END;

-- Open risk flags count across all of the client's episodes.
CREATE TRIGGER caseload_summary_flag_insert AFTER INSERT ON risk_flags BEGIN
    UPDATE caseload_summary
        SET open_flags = (SELECT open_flags FROM caseload_current
                          WHERE client_id = caseload_summary.client_id)
    WHERE client_id = (SELECT client_id FROM episodes WHERE id = NEW.episode_id);
END;
CREATE TRIGGER caseload_summary_flag_update AFTER UPDATE OF status, episode_id ON risk_flags
BEGIN
    UPDATE caseload_summary
        SET open_flags = (SELECT open_flags FROM caseload_current
                          WHERE client_id = caseload_summary.client_id)
    WHERE client_id IN (SELECT client_id FROM episodes
                        WHERE id IN (OLD.episode_id, NEW.episode_id));
END;
CREATE TRIGGER caseload_summary_flag_delete AFTER DELETE ON risk_flags BEGIN
    UPDATE caseload_summary
        SET open_flags = (SELECT open_flags FROM caseload_current
                          WHERE client_id = caseload_summary.client_id)
    WHERE client_id = (SELECT client_id FROM episodes WHERE id = OLD.episode_id);
END;
