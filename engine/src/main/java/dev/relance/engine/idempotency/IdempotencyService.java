package dev.relance.engine.idempotency;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.Timestamps;

/**
 * Remembers the answers to creating requests by (user, key), so that a retried request (a double
 * click, a client timeout) returns the first answer instead of creating twice. Records expire
 * after a day.
 */
@Service
public class IdempotencyService {

    static final Duration RETENTION = Duration.ofHours(24);

    // The primary key serialises two concurrent first requests: one inserts, the other sees it.
    private static final String CLAIM = """
            INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, status, created_at)
            VALUES (:userId, :key, :hash, 'IN_PROGRESS', :now)
            ON CONFLICT (user_id, idempotency_key) DO NOTHING
            """;

    private static final String FIND = """
            SELECT request_hash, status, response_status, response_type, response_location, response_body
              FROM idempotency_record WHERE user_id = :userId AND idempotency_key = :key
            """;

    private static final String COMPLETE = """
            UPDATE idempotency_record
               SET status = 'DONE', response_status = :status, response_type = :type, response_location = :location,
                   response_body = :body
             WHERE user_id = :userId AND idempotency_key = :key
            """;

    private static final String ABANDON = """
            DELETE FROM idempotency_record WHERE user_id = :userId AND idempotency_key = :key
            """;

    private static final String EXPIRE = """
            DELETE FROM idempotency_record WHERE created_at < :cutoff
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public IdempotencyOutcome begin(long userId, String key, byte[] requestHash) {
        jdbc.sql(EXPIRE).param("cutoff", Timestamps.of(clock.instant().minus(RETENTION))).update();
        int claimed = jdbc.sql(CLAIM).param("userId", userId).param("key", key).param("hash", requestHash)
                .param("now", Timestamps.of(clock.instant())).update();
        if (claimed == 1) {
            return new IdempotencyOutcome.Proceed();
        }
        return find(userId, key, requestHash).orElseGet(IdempotencyOutcome.Proceed::new);
    }

    @Transactional
    public void complete(long userId, String key, StoredResponse response) {
        jdbc.sql(COMPLETE).param("userId", userId).param("key", key).param("status", response.status())
                .param("type", response.contentType()).param("location", response.location())
                .param("body", response.body()).update();
    }

    /** Forgets a request that failed on our side, so that its retry runs again. */
    @Transactional
    public void abandon(long userId, String key) {
        jdbc.sql(ABANDON).param("userId", userId).param("key", key).update();
    }

    private Optional<IdempotencyOutcome> find(long userId, String key, byte[] requestHash) {
        return jdbc.sql(FIND).param("userId", userId).param("key", key).query((rs, row) -> {
            if (!MessageDigest.isEqual(rs.getBytes("request_hash"), requestHash)) {
                return (IdempotencyOutcome) new IdempotencyOutcome.Mismatch();
            }
            if ("IN_PROGRESS".equals(rs.getString("status"))) {
                return new IdempotencyOutcome.InProgress();
            }
            return new IdempotencyOutcome.Replay(new StoredResponse(rs.getInt("response_status"),
                    rs.getString("response_type"), rs.getString("response_location"), rs.getBytes("response_body")));
        }).optional();
    }
}
