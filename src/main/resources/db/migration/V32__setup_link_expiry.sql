-- retention deletes expired set-up links (the last login, which it also needs, came with V50)
CREATE INDEX setup_links_by_expiry ON setup_links (expires_at);
