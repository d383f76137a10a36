package dev.relance.engine.sequence;

/** Public holidays on which a sequence does not send, by country (ISO 3166-1 alpha-2). */
public enum HolidayCalendar {
    FR, US, GB, DE
}
