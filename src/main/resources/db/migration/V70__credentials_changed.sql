-- sessions that signed in before this moment end at their next request (see ActiveAccountFilter)
ALTER TABLE users ADD COLUMN credentials_changed_at TIMESTAMP WITH TIME ZONE;
