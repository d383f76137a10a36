package dev.relance.engine.sequence;

/** What a step does: send an email by itself, or make a person do something. */
public enum StepType {
    /** Sent by the engine at its due time. */
    AUTO_EMAIL,
    /** Written from the step's template, reviewed and sent by the rep from a task. */
    MANUAL_EMAIL,
    CALL,
    /** A LinkedIn action the step's note describes. */
    LINKEDIN,
    /** Visit the prospect's LinkedIn profile (they see who viewed it). */
    LINKEDIN_VIEW_PROFILE,
    /** Send a connection request, with the step's note as the invitation text. */
    LINKEDIN_CONNECT,
    /** Write to the prospect on LinkedIn (InMail or a message to a connection). */
    LINKEDIN_MESSAGE,
    /** Any other to-do for the rep. */
    TASK;

    /** True for steps that send an email and therefore carry template variants. */
    public boolean isEmail() {
        return this == AUTO_EMAIL || this == MANUAL_EMAIL;
    }

    /** True for the LinkedIn steps, which all make a LINKEDIN task. */
    public boolean isLinkedIn() {
        return this == LINKEDIN || this == LINKEDIN_VIEW_PROFILE || this == LINKEDIN_CONNECT || this == LINKEDIN_MESSAGE;
    }
}
