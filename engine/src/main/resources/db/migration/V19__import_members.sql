-- The prospects each import's valid rows landed on, whatever the row did to them (created, updated,
-- unchanged, or left alone by the SKIP policy): what "enroll the prospects of an import" selects.
-- No key: a prospect met in two chunks of a file has two rows (a unique check on each of a million
-- rows costs more than the enrollment job's selection, which is distinct anyway). No foreign keys,
-- for the same reason (imports are never deleted; a prospect deleted since is reported as not-found
-- by the enrollment job).
CREATE TABLE prospect_import_member (
    import_id   bigint NOT NULL,
    prospect_id bigint NOT NULL
);
CREATE INDEX prospect_import_member_import ON prospect_import_member (import_id, prospect_id);
