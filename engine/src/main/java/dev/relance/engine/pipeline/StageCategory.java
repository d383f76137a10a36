package dev.relance.engine.pipeline;

/** Whether a stage is still in play or closes the opportunity; mirrors the CHECK of pipeline_stage. */
public enum StageCategory {
    OPEN, WON, LOST;

    /** A WON or LOST stage closes the opportunity (sets its closed_at). */
    public boolean closes() {
        return this != OPEN;
    }
}
