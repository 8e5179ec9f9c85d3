-- append-only: who did what, when; never content
CREATE TABLE audit_entries (
    id          UUID         NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(254) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    subject     VARCHAR(200) NOT NULL
);
CREATE INDEX audit_entries_by_time ON audit_entries (occurred_at);
