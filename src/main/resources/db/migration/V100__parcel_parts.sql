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

INSERT INTO parcel_parts (id, submission_id, delivery_id, position, kind, blob_id, plaintext_size, ciphertext_size)
    SELECT id, submission_id, NULL, position, kind, blob_id, plaintext_size, ciphertext_size FROM submission_parts;
INSERT INTO parcel_parts (id, submission_id, delivery_id, position, kind, blob_id, plaintext_size, ciphertext_size)
    SELECT id, NULL, delivery_id, position, kind, blob_id, plaintext_size, ciphertext_size FROM delivery_parts;
INSERT INTO parcel_key_packets (part_id, user_id, packet) SELECT part_id, user_id, packet FROM key_packets;
INSERT INTO parcel_key_packets (part_id, user_id, packet) SELECT part_id, user_id, packet FROM delivery_key_packets;

DROP TABLE key_packets;
DROP TABLE delivery_key_packets;
DROP TABLE submission_parts;
DROP TABLE delivery_parts;
