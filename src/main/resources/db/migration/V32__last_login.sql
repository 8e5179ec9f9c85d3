-- external accounts without pending deliveries are removed some time after their last login
ALTER TABLE users ADD COLUMN last_login_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX setup_links_by_expiry ON setup_links (expires_at);
