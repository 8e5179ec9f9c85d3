CREATE TABLE submit_boxes (
    id         UUID         NOT NULL PRIMARY KEY,
    slug       VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT submit_boxes_slug_unique UNIQUE (slug)
);

CREATE TABLE box_members (
    box_id  UUID NOT NULL,
    user_id UUID NOT NULL,
    PRIMARY KEY (box_id, user_id),
    CONSTRAINT box_members_box FOREIGN KEY (box_id) REFERENCES submit_boxes (id) ON DELETE CASCADE
);

CREATE TABLE tickets (
    id          UUID         NOT NULL PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL,
    box_id      UUID         NOT NULL,
    email       VARCHAR(254) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_at TIMESTAMP WITH TIME ZONE,
    version     BIGINT       NOT NULL,
    CONSTRAINT tickets_token_unique UNIQUE (token_hash),
    CONSTRAINT tickets_box FOREIGN KEY (box_id) REFERENCES submit_boxes (id) ON DELETE CASCADE
);

-- metadata only: message text and file names live inside the encrypted manifest part
CREATE TABLE submissions (
    id            UUID         NOT NULL PRIMARY KEY,
    box_id        UUID         NOT NULL,
    reference     VARCHAR(32)  NOT NULL,
    sender_email  VARCHAR(254) NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    file_count    INTEGER      NOT NULL,
    total_size    BIGINT       NOT NULL,
    downloaded_at TIMESTAMP WITH TIME ZONE,
    version       BIGINT       NOT NULL,
    CONSTRAINT submissions_reference_unique UNIQUE (reference),
    CONSTRAINT submissions_box FOREIGN KEY (box_id) REFERENCES submit_boxes (id)
);
CREATE INDEX submissions_by_box ON submissions (box_id, received_at);

CREATE TABLE submission_parts (
    id              UUID        NOT NULL PRIMARY KEY,
    submission_id   UUID        NOT NULL,
    position        INTEGER     NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    blob_id         VARCHAR(36) NOT NULL,
    plaintext_size  BIGINT      NOT NULL,
    ciphertext_size BIGINT      NOT NULL,
    CONSTRAINT submission_parts_submission FOREIGN KEY (submission_id) REFERENCES submissions (id) ON DELETE CASCADE,
    CONSTRAINT submission_parts_position_unique UNIQUE (submission_id, position)
);

-- one public-key encrypted session-key packet per part and recipient (base64)
CREATE TABLE key_packets (
    part_id UUID          NOT NULL,
    user_id UUID          NOT NULL,
    packet  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (part_id, user_id),
    CONSTRAINT key_packets_part FOREIGN KEY (part_id) REFERENCES submission_parts (id) ON DELETE CASCADE
);
