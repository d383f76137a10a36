package dev.relance.engine.sequence;

/** What a step does: send an email by itself, or make a person do something. */
public enum StepType {
    /** Sent by the engine at its due time. */
    AUTO_EMAIL,
    /** Written from the step's template, reviewed and sent by the rep from a task. */
    MANUAL_EMAIL,
    CALL,
    LINKEDIN,
    /** Any other to-do for the rep. */
    TASK;

    /** True for steps that send an email and therefore carry template variants. */
    public boolean isEmail() {
        return this == AUTO_EMAIL || this == MANUAL_EMAIL;
    }
}
