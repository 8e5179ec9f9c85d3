-- Passkeys (WebAuthn), in the tables of Spring Security's JDBC repositories: one user entity per account that
-- registered a passkey (its random user handle and its e-mail address as name), and each account's credentials
-- (public key, signature counter, label). No secret is stored: a passkey's private key never leaves its device.
CREATE TABLE user_entities (
    id           VARCHAR(1000) NOT NULL PRIMARY KEY,
    name         VARCHAR(254)  NOT NULL,
    display_name VARCHAR(254),
    CONSTRAINT user_entities_name_unique UNIQUE (name)
);

CREATE TABLE user_credentials (
    credential_id                VARCHAR(1000) NOT NULL PRIMARY KEY,
    user_entity_user_id          VARCHAR(1000) NOT NULL,
    public_key                   BYTEA         NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000),
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BYTEA,
    attestation_client_data_json BYTEA,
    created                      TIMESTAMP,
    last_used                    TIMESTAMP,
    label                        VARCHAR(1000) NOT NULL,
    CONSTRAINT user_credentials_entity FOREIGN KEY (user_entity_user_id) REFERENCES user_entities (id) ON DELETE CASCADE
);
CREATE INDEX user_credentials_by_entity ON user_credentials (user_entity_user_id);
