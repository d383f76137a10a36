package dev.relance.templates.stock;

import java.util.List;

/**
 * One step of a stock cadence. The values are the names of the engine's enums, as strings,
 * because this module does not know the engine: the engine maps them with {@code valueOf}.
 *
 * @param type one of {@link #TYPES}
 * @param delayAmount zero or more units after the previous step (or the enrollment, for the first step)
 * @param delayUnit one of {@link #DELAY_UNITS}
 * @param threadMode one of {@link #THREAD_MODES}; always {@code NEW_THREAD} for steps that are not emails
 * @param note what the rep should do: present on CALL, LINKEDIN and TASK steps, optional on
 *     MANUAL_EMAIL, null otherwise
 * @param subject the Liquid subject of a new-thread email; null for a reply in thread (the engine
 *     sends "Re: " + the thread's subject) and for steps that are not emails
 * @param bodyText the Liquid plain-text body of an email; null for steps that are not emails
 */
public record StockStep(String type, int delayAmount, String delayUnit, String threadMode, String note,
        String subject, String bodyText) {

    /** Step types: sent by the engine, sent by the rep after review, a call, a LinkedIn touch, another to-do. */
    public static final List<String> TYPES = List.of("AUTO_EMAIL", "MANUAL_EMAIL", "CALL", "LINKEDIN",
            "LINKEDIN_VIEW_PROFILE", "LINKEDIN_CONNECT", "LINKEDIN_MESSAGE", "TASK");

    /** Delay units; BUSINESS_DAYS skips weekends and the schedule's holidays. */
    public static final List<String> DELAY_UNITS = List.of("MINUTES", "HOURS", "DAYS", "BUSINESS_DAYS");

    /** Thread modes: start a conversation, or answer the previous email in its thread. */
    public static final List<String> THREAD_MODES = List.of("NEW_THREAD", "REPLY_IN_THREAD");

    /** True for the steps that send an email (AUTO_EMAIL, MANUAL_EMAIL). */
    public boolean isEmail() {
        return "AUTO_EMAIL".equals(type) || "MANUAL_EMAIL".equals(type);
    }

    /** True for an email sent as a reply in the previous email's thread. */
    public boolean repliesInThread() {
        return "REPLY_IN_THREAD".equals(threadMode);
    }
}
