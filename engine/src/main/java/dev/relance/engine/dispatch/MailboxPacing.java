package dev.relance.engine.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.support.Timestamps;

/**
 * The daily cap, hourly cap and minimum spacing of a mailbox. Called in the transaction that
 * records the message: the mailbox row stays locked until it commits, so two dispatchers can never
 * both take the last send of the day.
 */
@Component
class MailboxPacing {

    private static final String LOCK = """
            SELECT next_send_at FROM mailbox WHERE id = :id FOR UPDATE
            """;

    // Both caps in one pass over the mailbox's attempts since the earlier of the two bounds.
    private static final String COUNTS = """
            SELECT count(*) FILTER (WHERE created_at >= :startOfDay) AS today,
                   count(*) FILTER (WHERE created_at >= :hourAgo) AS last_hour
              FROM message
             WHERE mailbox_id = :mailboxId AND state IN ('SENDING', 'SENT', 'UNKNOWN')
               AND created_at >= LEAST(CAST(:startOfDay AS timestamptz), CAST(:hourAgo AS timestamptz))
            """;

    private static final String OLDEST_IN_LAST_HOUR = """
            SELECT min(created_at) FROM message
             WHERE mailbox_id = :mailboxId AND state IN ('SENDING', 'SENT', 'UNKNOWN') AND created_at >= :since
            """;

    private static final String RESERVE = """
            UPDATE mailbox SET next_send_at = :nextSendAt WHERE id = :id
            """;

    private final JdbcClient jdbc;

    MailboxPacing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes a send slot now, or tells when the next one opens. */
    Optional<Instant> reserve(Mailbox mailbox, Instant now, RandomGenerator random) {
        Instant nextSendAt = jdbc.sql(LOCK).param("id", mailbox.id()).query((rs, row) -> Timestamps.instant(rs, "next_send_at"))
                .optional().orElse(null);
        if (nextSendAt != null && nextSendAt.isAfter(now)) {
            return Optional.of(nextSendAt);
        }
        ZoneId zone = ZoneId.of(mailbox.timeZone());
        Instant startOfDay = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        long[] counts = jdbc.sql(COUNTS).param("mailboxId", mailbox.id()).param("startOfDay", Timestamps.of(startOfDay))
                .param("hourAgo", Timestamps.of(hourAgo))
                .query((rs, row) -> new long[] {rs.getLong("today"), rs.getLong("last_hour")}).single();
        if (counts[0] >= mailbox.dailyCap()) {
            Instant tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            return Optional.of(tomorrow);
        }
        if (counts[1] >= mailbox.hourlyCap()) {
            Instant oldest = jdbc.sql(OLDEST_IN_LAST_HOUR).param("mailboxId", mailbox.id())
                    .param("since", Timestamps.of(hourAgo)).query((rs, row) -> Timestamps.instant(rs, "min")).single();
            return Optional.of((oldest == null ? now : oldest).plus(Duration.ofHours(1)));
        }
        if (mailbox.minSpacingSeconds() > 0 || mailbox.spacingJitterSeconds() > 0) {
            long jitter = mailbox.spacingJitterSeconds() == 0 ? 0 : random.nextLong(mailbox.spacingJitterSeconds() + 1L);
            Instant next = now.plusSeconds(mailbox.minSpacingSeconds() + jitter);
            jdbc.sql(RESERVE).param("id", mailbox.id()).param("nextSendAt", Timestamps.of(next)).update();
        }
        return Optional.empty();
    }
}
