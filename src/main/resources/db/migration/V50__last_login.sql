-- shown to administrators on /admin/users
ALTER TABLE users ADD COLUMN last_login_at TIMESTAMP WITH TIME ZONE;
