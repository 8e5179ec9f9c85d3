-- blobs the database refers to but storage no longer has, found by the sweeper and shown to administrators
CREATE TABLE missing_blobs (
    blob_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(200) NOT NULL,
    detected_at TIMESTAMP WITH TIME ZONE NOT NULL
);
