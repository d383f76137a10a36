-- Teams of users (SDR pods, regions): managers read the pipeline metrics and rep activity of a team.
-- Deleting a team leaves its members without one.
CREATE TABLE team (
    id         bigserial   PRIMARY KEY,
    name       citext      NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

ALTER TABLE app_user ADD COLUMN team_id bigint REFERENCES team (id) ON DELETE SET NULL;
CREATE INDEX app_user_team ON app_user (team_id) WHERE team_id IS NOT NULL;
