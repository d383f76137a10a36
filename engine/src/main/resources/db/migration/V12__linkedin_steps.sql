-- LinkedIn steps name their action: view the profile, connect, or send a message (LINKEDIN stays
-- for an action the step's note describes).
ALTER TABLE sequence_step DROP CONSTRAINT sequence_step_type_check;
ALTER TABLE sequence_step ADD CONSTRAINT sequence_step_type_check
    CHECK (type IN ('AUTO_EMAIL', 'MANUAL_EMAIL', 'CALL', 'LINKEDIN', 'LINKEDIN_VIEW_PROFILE', 'LINKEDIN_CONNECT',
                    'LINKEDIN_MESSAGE', 'TASK'));
