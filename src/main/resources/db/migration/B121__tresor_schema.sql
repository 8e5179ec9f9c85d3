-- Tresor's whole schema, written once for H2 and PostgreSQL: what migrations V1 to V120 of the 0.1 snapshots
-- built step by step, in one baseline migration. An empty database starts here (and is then at version 121). A
-- database those steps migrated stays at version 120 and goes on with the next migration: it needs none of this,
-- and spring.flyway.ignore-migration-patterns lets it miss their files. A change is a new V migration after 121,
-- never an edit of this file.

-- Spring Modulith event publication registry (JPA), schema of Modulith 2.0
CREATE TABLE event_publication (
    id                     UUID         NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR(100000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(32),
    completion_attempts    INTEGER      NOT NULL DEFAULT 0,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);

CREATE TABLE users (
    id                     UUID         NOT NULL PRIMARY KEY,
    email                  VARCHAR(254) NOT NULL,
    roles                  VARCHAR(64)  NOT NULL,
    password_hash          VARCHAR(200),
    public_key             VARCHAR(8000),
    fingerprint            VARCHAR(64),
    secret_key             VARCHAR(8000),
    language_tag           VARCHAR(16)  NOT NULL,
    enabled                BOOLEAN      NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at           TIMESTAMP WITH TIME ZONE,
    version                BIGINT       NOT NULL,
    -- shown to administrators on /admin/users
    last_login_at          TIMESTAMP WITH TIME ZONE,
    -- sessions that signed in before this moment end at their next request (see ActiveAccountFilter)
    credentials_changed_at TIMESTAMP WITH TIME ZONE,
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
-- retention deletes expired set-up links
CREATE INDEX setup_links_by_expiry ON setup_links (expires_at);

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
CREATE INDEX tickets_by_expiry ON tickets (expires_at);

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
    -- a deletion first marks the row, then removes the blobs, then the row: a crash in between is resumed
    deleted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT submissions_reference_unique UNIQUE (reference),
    CONSTRAINT submissions_box FOREIGN KEY (box_id) REFERENCES submit_boxes (id)
);
CREATE INDEX submissions_by_box ON submissions (box_id, received_at);
-- retention looks up what arrived before a point in time
CREATE INDEX submissions_by_arrival ON submissions (received_at);
-- The inbox walks this index newest first and stops after a page: its query orders by deleted_at (NULL for every
-- row it lists) before received_at and id, so H2, which picks the index for "deleted_at IS NULL", can read the
-- order from the same index. Resuming deletions ("deleted_at IS NOT NULL") uses it too.
CREATE INDEX submissions_listing ON submissions (deleted_at, received_at DESC, id DESC);

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

-- One table for the encrypted parts of every parcel (submissions and deliveries alike), one for their key
-- packets. A part belongs to exactly one owner row, which takes its parts along when it goes.
CREATE TABLE parcel_parts (
    id              UUID        NOT NULL PRIMARY KEY,
    submission_id   UUID,
    delivery_id     UUID,
    position        INTEGER     NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    blob_id         VARCHAR(36) NOT NULL,
    plaintext_size  BIGINT      NOT NULL,
    ciphertext_size BIGINT      NOT NULL,
    -- accepted while the malware scanner was unavailable (tresor.scan.when-unavailable: accept-unscanned)
    not_scanned     BOOLEAN     DEFAULT FALSE NOT NULL,
    CONSTRAINT parcel_parts_submission FOREIGN KEY (submission_id) REFERENCES submissions (id) ON DELETE CASCADE,
    CONSTRAINT parcel_parts_delivery FOREIGN KEY (delivery_id) REFERENCES deliveries (id) ON DELETE CASCADE,
    CONSTRAINT parcel_parts_one_owner CHECK ((submission_id IS NULL) <> (delivery_id IS NULL)),
    CONSTRAINT parcel_parts_submission_position_unique UNIQUE (submission_id, position),
    CONSTRAINT parcel_parts_delivery_position_unique UNIQUE (delivery_id, position)
);
-- the blob sweeper asks which blobs are still referenced
CREATE INDEX parcel_parts_by_blob ON parcel_parts (blob_id);

-- one public-key encrypted session-key packet per part and reader (base64)
CREATE TABLE parcel_key_packets (
    part_id UUID          NOT NULL,
    user_id UUID          NOT NULL,
    packet  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (part_id, user_id),
    CONSTRAINT parcel_key_packets_part FOREIGN KEY (part_id) REFERENCES parcel_parts (id) ON DELETE CASCADE
);
CREATE INDEX parcel_key_packets_by_user ON parcel_key_packets (user_id);

-- append-only: who did what, when; never content
CREATE TABLE audit_entries (
    id          UUID         NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(254) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    subject     VARCHAR(200) NOT NULL
);
CREATE INDEX audit_entries_by_time ON audit_entries (occurred_at);
-- the audit log page filters by action and actor, newest first
CREATE INDEX audit_entries_by_action ON audit_entries (action, occurred_at);
CREATE INDEX audit_entries_by_actor ON audit_entries (actor, occurred_at);

-- ShedLock: one row per scheduled job; whoever holds it runs the job (lock times in database time, UTC)
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- blobs the database refers to but storage no longer has, found by the sweeper and shown to administrators
CREATE TABLE missing_blobs (
    blob_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(200) NOT NULL,
    detected_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Bucket4j token buckets of the rate limits and lockouts (module protection): the id is a SHA-256 hash of what
-- is counted, the state Bucket4j's own serialised form; a row whose bucket would be full again (expires_at,
-- epoch milliseconds) is deleted by the retention job
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    state      BYTEA       NOT NULL,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);

-- Sessions in the database (prod profile), so any instance can serve any request: Spring Session JDBC's
-- own schema (BYTEA is PostgreSQL's binary type and an H2 alias)
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INTEGER      NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
