CREATE TABLE users (
    id            UUID         NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    roles         VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(200),
    public_key    VARCHAR(8000),
    fingerprint   VARCHAR(64),
    secret_key    VARCHAR(8000),
    language_tag  VARCHAR(16)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at  TIMESTAMP WITH TIME ZONE,
    version       BIGINT       NOT NULL,
    CONSTRAINT users_email_unique UNIQUE (email)
);

-- single-use links: the first administrator's /setup/{token} and every /account/setup/{token}
CREATE TABLE setup_links (
    id          UUID        NOT NULL PRIMARY KEY,
    token_hash  VARCHAR(64) NOT NULL,
    purpose     VARCHAR(16) NOT NULL,
    user_id     UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    version     BIGINT      NOT NULL,
    CONSTRAINT setup_links_token_unique UNIQUE (token_hash),
    CONSTRAINT setup_links_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
