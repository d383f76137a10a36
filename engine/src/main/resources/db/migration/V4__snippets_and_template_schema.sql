-- Snippets: named reusable blocks included by name in templates ({% snippet "case_study" %}).
-- Editing a snippet writes a new version; templates compiled later include the latest version.
CREATE TABLE snippet (
    id          bigserial PRIMARY KEY,
    name        citext      NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9_]{1,64}$'),
    description text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE snippet_version (
    id          bigserial PRIMARY KEY,
    snippet_id  bigint      NOT NULL REFERENCES snippet (id) ON DELETE CASCADE,
    version     integer     NOT NULL,
    body        text        NOT NULL,
    created_by  bigint      REFERENCES app_user (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (snippet_id, version)
);

-- Every custom-field key ever written on a prospect: the schema templates are validated against,
-- kept up to date on write so that validation never scans the prospects.
CREATE TABLE custom_field_key (
    key           text        PRIMARY KEY,
    first_seen_at timestamptz NOT NULL
);

-- The sender's postal address, printed in the footer of every email (CAN-SPAM).
ALTER TABLE mailbox ADD COLUMN postal_address text;
