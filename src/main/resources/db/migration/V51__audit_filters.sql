-- the audit log page filters by action and actor, newest first
CREATE INDEX audit_entries_by_action ON audit_entries (action, occurred_at);
CREATE INDEX audit_entries_by_actor ON audit_entries (actor, occurred_at);
