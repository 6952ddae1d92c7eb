-- Voided measure administrations: kept with the reason and the time, never counted again
-- (totals, trends, outcomes, the caseload's PHQ-9, reports). A void cannot be undone.

ALTER TABLE measure_administrations ADD COLUMN voided_at TEXT;
ALTER TABLE measure_administrations ADD COLUMN void_reason TEXT;

CREATE TRIGGER measure_void_is_final BEFORE UPDATE OF voided_at, void_reason
    ON measure_administrations
    WHEN OLD.voided_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a voided administration stays voided');
END;

-- The caseload reads the latest two complete, non-void PHQ-9 totals from this index alone.
DROP INDEX measure_administrations_latest;
CREATE INDEX measure_administrations_latest
    ON measure_administrations(episode_id, instrument, complete, voided_at, administered_on, id,
                               total);
