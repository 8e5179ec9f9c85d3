-- metadata only: message text and file names live inside the encrypted manifest part
CREATE TABLE deliveries (
    id           UUID         NOT NULL PRIMARY KEY,
    reference    VARCHAR(32)  NOT NULL,
    sender_id    UUID         NOT NULL,
    sender_email VARCHAR(254) NOT NULL,
    subject      VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    file_count   INTEGER      NOT NULL,
    total_size   BIGINT       NOT NULL,
    -- set once the bodies are gone: every recipient deleted it, or it expired
    purged_at    TIMESTAMP WITH TIME ZONE,
    version      BIGINT       NOT NULL,
    CONSTRAINT deliveries_reference_unique UNIQUE (reference)
);
CREATE INDEX deliveries_by_sender ON deliveries (sender_id, created_at);
CREATE INDEX deliveries_by_expiry ON deliveries (expires_at);

CREATE TABLE delivery_recipients (
    id            UUID         NOT NULL PRIMARY KEY,
    delivery_id   UUID         NOT NULL,
    position      INTEGER      NOT NULL,
    user_id       UUID         NOT NULL,
    email         VARCHAR(254) NOT NULL,
    -- the recipient's key packets exist: the delivery is sent to them
    completed_at  TIMESTAMP WITH TIME ZONE,
    downloaded_at TIMESTAMP WITH TIME ZONE,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT delivery_recipients_delivery FOREIGN KEY (delivery_id) REFERENCES deliveries (id) ON DELETE CASCADE,
    CONSTRAINT delivery_recipients_unique UNIQUE (delivery_id, user_id)
);
CREATE INDEX delivery_recipients_by_user ON delivery_recipients (user_id);

CREATE TABLE delivery_parts (
    id              UUID        NOT NULL PRIMARY KEY,
    delivery_id     UUID        NOT NULL,
    position        INTEGER     NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    blob_id         VARCHAR(36) NOT NULL,
    plaintext_size  BIGINT      NOT NULL,
    ciphertext_size BIGINT      NOT NULL,
    CONSTRAINT delivery_parts_delivery FOREIGN KEY (delivery_id) REFERENCES deliveries (id) ON DELETE CASCADE,
    CONSTRAINT delivery_parts_position_unique UNIQUE (delivery_id, position)
);

-- one public-key encrypted session-key packet per part and reader (base64): sender and recipients
CREATE TABLE delivery_key_packets (
    part_id UUID          NOT NULL,
    user_id UUID          NOT NULL,
    packet  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (part_id, user_id),
    CONSTRAINT delivery_key_packets_part FOREIGN KEY (part_id) REFERENCES delivery_parts (id) ON DELETE CASCADE
);
