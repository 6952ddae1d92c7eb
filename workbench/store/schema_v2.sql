-- Schema v2: invariants the services rely on, enforced by the database itself.

-- An addendum exists only as a signed, locked amendment of a note.
CREATE TRIGGER notes_addenda_are_signed BEFORE INSERT ON notes
WHEN NEW.kind = 'addendum' AND NEW.status != 'signed'
BEGIN
    SELECT RAISE(ABORT, 'an addendum must be signed');
END;

-- A risk flag closes only with a risk note, and never reopens silently.
CREATE TRIGGER risk_flags_close_with_a_risk_note BEFORE UPDATE ON risk_flags
WHEN NEW.status = 'noted' AND (NEW.note_id IS NULL OR NOT EXISTS (
    SELECT 1 FROM notes WHERE id = NEW.note_id AND kind = 'risk'))
BEGIN
    SELECT RAISE(ABORT, 'a risk flag closes only with a risk note');
END;
CREATE TRIGGER risk_flags_do_not_reopen BEFORE UPDATE OF status ON risk_flags
WHEN OLD.status = 'noted' AND NEW.status = 'open'
BEGIN
    SELECT RAISE(ABORT, 'a noted risk flag cannot be reopened; raise a new one');
END;
