-- Bulk enrollment jobs show they are alive as imports do (prospect_import.heartbeat_at): the process
-- running one beats on its row; a QUEUED or RUNNING job without a beat for relance.batch.stale-after
-- lost its process and is resumed by the clustered recovery job.
ALTER TABLE enrollment_job
    ADD COLUMN run_state    text NOT NULL DEFAULT 'QUEUED' CHECK (run_state IN ('QUEUED', 'RUNNING', 'ENDED')),
    ADD COLUMN heartbeat_at timestamptz;

-- Jobs from before this migration were never resumed on their own; they stay as they are.
UPDATE enrollment_job SET run_state = 'ENDED';

CREATE INDEX enrollment_job_unended ON enrollment_job (id) WHERE run_state <> 'ENDED';
