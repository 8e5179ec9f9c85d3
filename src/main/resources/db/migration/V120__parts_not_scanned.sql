-- A file accepted while the malware scanner was unavailable (tresor.scan.when-unavailable: accept-unscanned)
ALTER TABLE parcel_parts ADD COLUMN not_scanned BOOLEAN DEFAULT FALSE NOT NULL;
