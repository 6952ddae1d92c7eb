-- Erasure: a deleted note leaves none of its words in the full-text index pages (FTS5
-- secure-delete rewrites the index entries instead of leaving them behind a tombstone), and
-- whatever earlier deletes left in the index is merged away now.
INSERT INTO note_search(note_search, rank) VALUES ('secure-delete', 1);
INSERT INTO note_search(note_search) VALUES ('optimize');
