package dev.relance.engine.sequence;

/** Unit of a step's delay; BUSINESS_DAYS skips weekends and the schedule's holidays. */
public enum DelayUnit {
    MINUTES, HOURS, DAYS, BUSINESS_DAYS
}
