package dev.relance.engine.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.support.Timestamps;

/**
 * The daily cap, hourly cap and minimum spacing of a mailbox. Called in the transaction that
 * records a chunk's messages: the mailbox row stays locked until it commits, so two dispatchers can
 * never both take the last send of the day.
 *
 * <p>The day's and the hour's sends are counters on the mailbox row, kept under that lock: a send
 * slot taken adds to them, a message that leaves SENDING without being sent (a temporary failure, a
 * refusal, a pause) gives its slot back. The day counter is exact (the mailbox's local day). The hour
 * is a sliding one: the counts of the current and the previous clock hour bound it from above, and
 * only when that bound reaches the cap are the last hour's messages counted one by one.
 */
@Component
class MailboxPacing {

    // FOR NO KEY UPDATE, not FOR UPDATE: the foreign-key checks of message inserts (FOR KEY SHARE on
    // the mailbox row) of other transactions need not wait for it.
    private static final String LOCK = """
            SELECT next_send_at, cap_day, sent_on_cap_day, cap_hour, sent_in_cap_hour, sent_in_prev_hour
              FROM mailbox WHERE id = :id
               FOR NO KEY UPDATE
            """;

    private static final String LAST_HOUR = """
            SELECT count(*) AS sent, min(created_at) AS oldest FROM message
             WHERE mailbox_id = :mailboxId AND state IN ('SENDING', 'SENT', 'UNKNOWN') AND created_at > :since
            """;

    private static final String TAKE = """
            UPDATE mailbox SET next_send_at = :nextSendAt, cap_day = :day, sent_on_cap_day = :sentToday,
                               cap_hour = :hour, sent_in_cap_hour = :sentThisHour, sent_in_prev_hour = :sentPrevHour
             WHERE id = :id
            """;

    // A slot taken at :day / :hour and not used; a counter that moved on to a later day or hour is left alone.
    private static final String GIVE_BACK = """
            UPDATE mailbox
               SET sent_on_cap_day = CASE WHEN cap_day = :day THEN GREATEST(sent_on_cap_day - :count, 0)
                                          ELSE sent_on_cap_day END,
                   sent_in_cap_hour = CASE WHEN cap_hour = :hour THEN GREATEST(sent_in_cap_hour - :count, 0)
                                           ELSE sent_in_cap_hour END,
                   sent_in_prev_hour = CASE WHEN cap_hour = :nextHour THEN GREATEST(sent_in_prev_hour - :count, 0)
                                            ELSE sent_in_prev_hour END
             WHERE id = :id
            """;

    private final JdbcClient jdbc;

    MailboxPacing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the mailbox's pacing row until the transaction ends and reads its counters as of {@code now}. */
    Counters lock(Mailbox mailbox, Instant now) {
        ZoneId zone = ZoneId.of(mailbox.timeZone());
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return jdbc.sql(LOCK).param("id", mailbox.id()).query((rs, row) -> {
            LocalDate day = rs.getObject("cap_day", LocalDate.class);
            Instant capHour = Timestamps.instant(rs, "cap_hour");
            int thisHour = rs.getInt("sent_in_cap_hour");
            int prevHour = rs.getInt("sent_in_prev_hour");
            return new Counters(Timestamps.instant(rs, "next_send_at"), today,
                    today.equals(day) ? rs.getInt("sent_on_cap_day") : 0, hour,
                    hour.equals(capHour) ? thisHour : 0,
                    hour.equals(capHour) ? prevHour : hour.minus(Duration.ofHours(1)).equals(capHour) ? thisHour : 0);
        }).single();
    }

    /**
     * How many of {@code wanted} sends may leave now, and when the next slot opens for the others.
     * Takes nothing yet: see {@link #take}.
     */
    Slots available(Mailbox mailbox, Counters counters, int wanted, Instant now, RandomGenerator random) {
        if (counters.nextSendAt() != null && counters.nextSendAt().isAfter(now)) {
            return new Slots(0, counters.nextSendAt(), null);
        }
        ZoneId zone = ZoneId.of(mailbox.timeZone());
        Instant tomorrow = counters.day().plusDays(1).atStartOfDay(zone).toInstant();
        int granted = Math.min(wanted, Math.max(mailbox.dailyCap() - counters.sentToday(), 0));
        Instant restAt = tomorrow;
        if (counters.sentThisHour() + counters.sentPrevHour() + granted > mailbox.hourlyCap()) {
            LastHour lastHour = lastHour(mailbox.id(), now);
            int hourly = Math.max(mailbox.hourlyCap() - lastHour.sent(), 0);
            if (hourly < granted) {
                granted = hourly;
                restAt = (lastHour.oldest() == null ? now : lastHour.oldest()).plus(Duration.ofHours(1));
            }
        }
        Instant nextSendAt = null;
        if (granted > 0 && (mailbox.minSpacingSeconds() > 0 || mailbox.spacingJitterSeconds() > 0)) {
            long jitter = mailbox.spacingJitterSeconds() == 0 ? 0 : random.nextLong(mailbox.spacingJitterSeconds() + 1L);
            nextSendAt = now.plusSeconds(mailbox.minSpacingSeconds() + jitter);
            granted = 1;
            restAt = nextSendAt;
        }
        return new Slots(granted, restAt, nextSendAt);
    }

    /** Takes {@code used} of the slots {@code available} offered: the counters move, and the spacing starts. */
    void take(long mailboxId, Counters counters, Slots slots, int used) {
        if (used == 0) {
            return;
        }
        jdbc.sql(TAKE).param("id", mailboxId)
                .param("nextSendAt", Timestamps.of(slots.nextSendAt() != null ? slots.nextSendAt() : counters.nextSendAt()))
                .param("day", counters.day()).param("sentToday", counters.sentToday() + used)
                .param("hour", Timestamps.of(counters.hour())).param("sentThisHour", counters.sentThisHour() + used)
                .param("sentPrevHour", counters.sentPrevHour()).update();
    }

    /** Gives back {@code count} slots taken at {@code takenAt} by messages that were not sent after all. */
    void giveBack(Mailbox mailbox, Instant takenAt, int count) {
        if (count == 0) {
            return;
        }
        Instant hour = takenAt.truncatedTo(ChronoUnit.HOURS);
        jdbc.sql(GIVE_BACK).param("id", mailbox.id()).param("count", count)
                .param("day", takenAt.atZone(ZoneId.of(mailbox.timeZone())).toLocalDate())
                .param("hour", Timestamps.of(hour)).param("nextHour", Timestamps.of(hour.plus(Duration.ofHours(1))))
                .update();
    }

    private LastHour lastHour(long mailboxId, Instant now) {
        return jdbc.sql(LAST_HOUR).param("mailboxId", mailboxId).param("since", Timestamps.of(now.minus(Duration.ofHours(1))))
                .query((rs, row) -> new LastHour(rs.getInt("sent"), Timestamps.instant(rs, "oldest"))).single();
    }

    /** A mailbox's pacing state as of a day (its local day) and a clock hour (UTC). */
    record Counters(Instant nextSendAt, LocalDate day, int sentToday, Instant hour, int sentThisHour, int sentPrevHour) {
    }

    /**
     * @param granted sends that may leave now
     * @param restAt when the next slot opens for the sends beyond {@code granted}
     * @param nextSendAt the mailbox's next send at the earliest, when it has a minimum spacing
     */
    record Slots(int granted, Instant restAt, Instant nextSendAt) {
    }

    private record LastHour(int sent, Instant oldest) {
    }
}
