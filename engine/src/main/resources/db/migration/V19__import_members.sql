-- The prospects each import's valid rows landed on, whatever the row did to them (created, updated,
-- unchanged, or left alone by the SKIP policy): what "enroll the prospects of an import" selects.
-- No foreign key to prospect: a prospect deleted since is reported as not-found by the enrollment job.
CREATE TABLE prospect_import_member (
    import_id   bigint NOT NULL REFERENCES prospect_import (id) ON DELETE CASCADE,
    prospect_id bigint NOT NULL,
    PRIMARY KEY (import_id, prospect_id)
);
