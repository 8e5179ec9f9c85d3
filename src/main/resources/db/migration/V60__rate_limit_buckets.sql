-- Bucket4j token buckets of the rate limits and lockouts (module protection): the id is a SHA-256 hash of what
-- is counted, the state Bucket4j's own serialised form; a row whose bucket would be full again (expires_at,
-- epoch milliseconds) is deleted by the retention job
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    state      BYTEA       NOT NULL,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
