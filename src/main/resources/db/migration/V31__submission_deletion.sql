-- a deletion first marks the row, then removes the blobs, then the row: a crash in between is resumed
ALTER TABLE submissions ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX submissions_by_deletion ON submissions (deleted_at);
-- retention looks up what arrived before a point in time
CREATE INDEX submissions_by_arrival ON submissions (received_at);
-- the blob sweeper asks which blobs are still referenced
CREATE INDEX submission_parts_by_blob ON submission_parts (blob_id);
CREATE INDEX tickets_by_expiry ON tickets (expires_at);
