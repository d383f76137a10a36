package dev.relance.engine.dispatch;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.relance.engine.mailbox.MailboxDraft;
import dev.relance.engine.mailbox.ServerDraft;
import dev.relance.engine.mailbox.TransportSecurity;
import dev.relance.engine.sequence.Delay;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.HolidayCalendar;
import dev.relance.engine.sequence.ScheduleDraft;
import dev.relance.engine.sequence.SendWindow;
import dev.relance.engine.sequence.SequenceDraft;
import dev.relance.engine.sequence.SequenceRules;
import dev.relance.engine.sequence.SequenceStatus;
import dev.relance.engine.sequence.StepDraft;
import dev.relance.engine.sequence.StepType;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.sequence.TimeZonePolicy;
import dev.relance.engine.sequence.VariantDraft;

/** Builders of the cadences and mailboxes the dispatch tests run against GreenMail. */
public final class Cadences {

    public static final String GREENMAIL_LOGIN = "sam";
    public static final String GREENMAIL_PASSWORD = "secret";
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private Cadences() {
    }

    /** A mailbox sending through GreenMail on {@code smtpPort} (IMAP on {@code imapPort}, or none). */
    public static MailboxDraft greenMailMailbox(Long ownerId, int smtpPort, Integer imapPort, int dailyCap, int hourlyCap,
            int spacingSeconds) {
        String address = "sender" + UNIQUE.incrementAndGet() + "@relance.test";
        ServerDraft smtp = new ServerDraft("127.0.0.1", smtpPort, TransportSecurity.NONE, GREENMAIL_LOGIN, GREENMAIL_PASSWORD);
        ServerDraft imap = imapPort == null ? null
                : new ServerDraft("127.0.0.1", imapPort, TransportSecurity.NONE, GREENMAIL_LOGIN, GREENMAIL_PASSWORD);
        return new MailboxDraft(address, "Sam Seller", null, ownerId, smtp, imap, dailyCap, hourlyCap, spacingSeconds, 0,
                "Europe/Paris", "1 rue de la Paix, 75002 Paris");
    }

    public static StepDraft email(int amount, DelayUnit unit, ThreadMode mode, String subject, String body) {
        return new StepDraft(null, StepType.AUTO_EMAIL, new Delay(amount, unit), mode, null,
                List.of(new VariantDraft(null, "A", 1, subject, null, body)));
    }

    public static StepDraft task(StepType type, int amount, DelayUnit unit, String note) {
        return new StepDraft(null, type, new Delay(amount, unit), ThreadMode.NEW_THREAD, note, List.of());
    }

    /** An active sequence with these steps and these windows on every weekday, in the prospect's zone. */
    public static SequenceDraft sequence(List<StepDraft> steps, List<DayOfWeek> days, LocalTime start, LocalTime end,
            HolidayCalendar calendar) {
        List<SendWindow> windows = new ArrayList<>();
        days.forEach(day -> windows.add(new SendWindow(day, start, end)));
        return new SequenceDraft("Cadence " + UNIQUE.incrementAndGet(), null, SequenceStatus.ACTIVE, null,
                SequenceRules.defaults(), new ScheduleDraft(TimeZonePolicy.PROSPECT, null, calendar, windows), steps);
    }

    public static List<DayOfWeek> weekdays() {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    public static List<DayOfWeek> everyDay() {
        return List.of(DayOfWeek.values());
    }
}
