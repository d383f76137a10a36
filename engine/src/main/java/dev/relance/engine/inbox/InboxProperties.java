package dev.relance.engine.inbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the mailboxes' incoming mail is read.
 *
 * @param enabled whether Quartz polls the mailboxes (tests and tools poll by hand with this off)
 * @param pollInterval how often each mailbox with an IMAP server is read
 * @param folders the folders read in every mailbox, INBOX first (add "Junk" or "Spam" to catch
 *     replies and bounces filed there)
 * @param batchSize at most this many messages of a folder are read per connection
 * @param softBouncesAsHard soft bounces in a row for an address that count as a hard bounce (0: never)
 * @param awayWithoutDate how long an out-of-office that gives no return date pauses a cadence
 */
@ConfigurationProperties("relance.inbox")
public record InboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration pollInterval,
        @DefaultValue("INBOX") List<String> folders, @DefaultValue("200") int batchSize,
        @DefaultValue("3") int softBouncesAsHard, @DefaultValue("7d") Duration awayWithoutDate) {
}
