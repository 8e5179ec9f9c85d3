-- A second factor for password sign-ins: a TOTP secret (sealed with the application's secrets key, never in
-- plain text), the last time step a code was used for (a code works once), and single-use recovery codes
-- (their SHA-256 only).
ALTER TABLE users ADD COLUMN totp_secret VARCHAR(400);
-- a secret shown for enrolment, not yet confirmed by a code
ALTER TABLE users ADD COLUMN totp_pending_secret VARCHAR(400);
ALTER TABLE users ADD COLUMN totp_enrolled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

CREATE TABLE recovery_codes (
    id        UUID        NOT NULL PRIMARY KEY,
    user_id   UUID        NOT NULL,
    code_hash VARCHAR(64) NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);

-- what administrators decide for every account: one row per setting
CREATE TABLE account_settings (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(200) NOT NULL,
    version       BIGINT       NOT NULL
);
