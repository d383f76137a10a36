package dev.relance.engine.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Liveness of background jobs (imports, bulk enrollments) across crashes and instances.
 *
 * @param heartbeatInterval how often a process marks its running jobs alive (default 20s)
 * @param staleAfter a running job without a heartbeat for this long lost its process (default 2m);
 *     must exceed the heartbeat interval several times over
 * @param recoveryEnabled whether the clustered recovery job resumes such jobs (default true)
 * @param recoveryInterval how often it looks for them (default 1m); it also runs at startup
 */
@ConfigurationProperties("relance.batch")
public record BatchProperties(@DefaultValue("20s") Duration heartbeatInterval, @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("true") boolean recoveryEnabled, @DefaultValue("1m") Duration recoveryInterval) {

    public BatchProperties {
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("relance.batch.stale-after must be at least three heartbeat intervals");
        }
    }
}
