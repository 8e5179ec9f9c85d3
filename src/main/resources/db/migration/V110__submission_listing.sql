-- The inbox walks this index newest first and stops after a page: its query orders by deleted_at (NULL for every
-- row it lists) before received_at and id, so H2, which picks the index for "deleted_at IS NULL", can read the
-- order from the same index; the old index on deleted_at alone made every inbox page read and sort every
-- submission the user can read. Resuming deletions ("deleted_at IS NOT NULL") uses it as it used the old one.
DROP INDEX submissions_by_deletion;
CREATE INDEX submissions_listing ON submissions (deleted_at, received_at DESC, id DESC);
