package dev.relance.engine.mailbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.Timestamps;

@Repository
class MailboxRepository {

    private static final String INSERT = """
            INSERT INTO mailbox (email_address, display_name, signature_html, owner_id,
                                 smtp_host, smtp_port, smtp_security, smtp_username, smtp_password_enc,
                                 imap_host, imap_port, imap_security, imap_username, imap_password_enc,
                                 daily_cap, hourly_cap, min_spacing_seconds, spacing_jitter_seconds, time_zone,
                                 postal_address, created_at, updated_at)
            VALUES (:emailAddress, :displayName, :signatureHtml, :ownerId,
                    :smtpHost, :smtpPort, :smtpSecurity, :smtpUsername, :smtpPassword,
                    :imapHost, :imapPort, :imapSecurity, :imapUsername, :imapPassword,
                    :dailyCap, :hourlyCap, :minSpacingSeconds, :spacingJitterSeconds, :timeZone,
                    :postalAddress, :now, :now)
            RETURNING *
            """;

    // A null password keeps the stored one: an admin editing caps need not retype secrets.
    private static final String UPDATE = """
            UPDATE mailbox
               SET email_address = :emailAddress, display_name = :displayName, signature_html = :signatureHtml,
                   owner_id = :ownerId,
                   smtp_host = :smtpHost, smtp_port = :smtpPort, smtp_security = :smtpSecurity,
                   smtp_username = :smtpUsername, smtp_password_enc = COALESCE(:smtpPassword, smtp_password_enc),
                   imap_host = :imapHost, imap_port = :imapPort, imap_security = :imapSecurity,
                   imap_username = :imapUsername,
                   imap_password_enc = CASE WHEN CAST(:imapHost AS text) IS NULL THEN NULL
                                            ELSE COALESCE(:imapPassword, imap_password_enc) END,
                   daily_cap = :dailyCap, hourly_cap = :hourlyCap, min_spacing_seconds = :minSpacingSeconds,
                   spacing_jitter_seconds = :spacingJitterSeconds, time_zone = :timeZone,
                   postal_address = :postalAddress,
                   updated_at = :now, version = version + 1
             WHERE id = :id
            RETURNING *
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM mailbox WHERE id = :id
            """;

    private static final String LIST = """
            SELECT * FROM mailbox
             WHERE (CAST(:beforeId AS bigint) IS NULL OR id < :beforeId)
               AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = :ownerId)
               AND (CAST(:status AS text) IS NULL OR status = :status)
             ORDER BY id DESC
             LIMIT :limit
            """;

    private static final String SET_STATUS = """
            UPDATE mailbox SET status = :status, status_reason = :reason, updated_at = :now, version = version + 1
             WHERE id = :id
            RETURNING *
            """;

    private static final String DELETE = """
            DELETE FROM mailbox WHERE id = :id
            """;

    // Only these two statements read the encrypted passwords: the API's Mailbox never carries them.
    private static final String SMTP_CREDENTIALS = """
            SELECT id, smtp_host AS host, smtp_port AS port, smtp_security AS security,
                   smtp_username AS username, smtp_password_enc AS password_enc
              FROM mailbox
             WHERE id = :id
            """;

    // Disabled mailboxes are done with; paused ones still receive replies that must stop cadences.
    private static final String WITH_IMAP = """
            SELECT id FROM mailbox WHERE imap_host IS NOT NULL AND status <> 'DISABLED' ORDER BY id
            """;

    private static final String IMAP_CREDENTIALS = """
            SELECT id, imap_host AS host, imap_port AS port, imap_security AS security,
                   imap_username AS username, imap_password_enc AS password_enc
              FROM mailbox
             WHERE id = :id AND imap_host IS NOT NULL
            """;

    private static final RowMapper<Mailbox> MAILBOX = MailboxRepository::mailbox;

    private static final RowMapper<EncryptedCredentials> CREDENTIALS = (rs, row) -> new EncryptedCredentials(
            rs.getLong("id"), rs.getString("host"), rs.getInt("port"),
            TransportSecurity.valueOf(rs.getString("security")), rs.getString("username"), rs.getBytes("password_enc"));

    private final JdbcClient jdbc;

    MailboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Mailbox insert(MailboxDraft draft, MailboxDefaults defaults, byte[] smtpPassword, byte[] imapPassword, Instant now) {
        return bind(jdbc.sql(INSERT), draft, defaults, smtpPassword, imapPassword, now).query(MAILBOX).single();
    }

    Optional<Mailbox> update(long id, MailboxDraft draft, MailboxDefaults defaults, byte[] smtpPassword, byte[] imapPassword,
            Instant now) {
        return bind(jdbc.sql(UPDATE), draft, defaults, smtpPassword, imapPassword, now).param("id", id)
                .query(MAILBOX).optional();
    }

    Optional<Mailbox> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(MAILBOX).optional();
    }

    List<Mailbox> list(PageRequest page, Long ownerId, MailboxStatus status) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("ownerId", ownerId)
                .param("status", status == null ? null : status.name()).param("limit", page.fetchSize())
                .query(MAILBOX).list();
    }

    Optional<Mailbox> setStatus(long id, MailboxStatus status, String reason, Instant now) {
        return jdbc.sql(SET_STATUS).param("id", id).param("status", status.name()).param("reason", reason)
                .param("now", Timestamps.of(now)).query(MAILBOX).optional();
    }

    Optional<EncryptedCredentials> smtpCredentials(long id) {
        return jdbc.sql(SMTP_CREDENTIALS).param("id", id).query(CREDENTIALS).optional();
    }

    /** Empty when the mailbox does not exist or has no IMAP server. */
    Optional<EncryptedCredentials> imapCredentials(long id) {
        return jdbc.sql(IMAP_CREDENTIALS).param("id", id).query(CREDENTIALS).optional();
    }

    List<Long> idsWithImap() {
        return jdbc.sql(WITH_IMAP).query(Long.class).list();
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, MailboxDraft draft, MailboxDefaults defaults,
            byte[] smtpPassword, byte[] imapPassword, Instant now) {
        ServerDraft smtp = draft.smtp();
        ServerDraft imap = draft.imap();
        return spec.param("emailAddress", draft.emailAddress().trim())
                .param("displayName", draft.displayName())
                .param("signatureHtml", draft.signatureHtml() == null ? "" : draft.signatureHtml())
                .param("ownerId", draft.ownerId())
                .param("smtpHost", smtp.host()).param("smtpPort", smtp.port())
                .param("smtpSecurity", smtp.security().name()).param("smtpUsername", smtp.username())
                .param("smtpPassword", smtpPassword)
                .param("imapHost", imap == null ? null : imap.host())
                .param("imapPort", imap == null ? null : imap.port())
                .param("imapSecurity", imap == null ? null : imap.security().name())
                .param("imapUsername", imap == null ? null : imap.username())
                .param("imapPassword", imapPassword)
                .param("dailyCap", defaults.dailyCap(draft)).param("hourlyCap", defaults.hourlyCap(draft))
                .param("minSpacingSeconds", defaults.minSpacingSeconds(draft))
                .param("spacingJitterSeconds", defaults.spacingJitterSeconds(draft))
                .param("timeZone", draft.timeZone())
                .param("postalAddress", draft.postalAddress())
                .param("now", Timestamps.of(now));
    }

    private static Mailbox mailbox(ResultSet rs, int row) throws SQLException {
        ServerSettings smtp = new ServerSettings(rs.getString("smtp_host"), rs.getInt("smtp_port"),
                TransportSecurity.valueOf(rs.getString("smtp_security")), rs.getString("smtp_username"),
                rs.getBytes("smtp_password_enc") != null);
        ServerSettings imap = rs.getString("imap_host") == null ? null
                : new ServerSettings(rs.getString("imap_host"), rs.getInt("imap_port"),
                        TransportSecurity.valueOf(rs.getString("imap_security")), rs.getString("imap_username"),
                        rs.getBytes("imap_password_enc") != null);
        return new Mailbox(rs.getLong("id"), rs.getString("email_address"), rs.getString("display_name"),
                rs.getString("signature_html"), rs.getObject("owner_id", Long.class),
                MailboxStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), smtp, imap,
                rs.getInt("daily_cap"), rs.getInt("hourly_cap"), rs.getInt("min_spacing_seconds"),
                rs.getInt("spacing_jitter_seconds"), rs.getString("time_zone"), rs.getString("postal_address"),
                Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "updated_at"));
    }

    /** A server's settings with the password as stored: encrypted, or null when none is set. */
    record EncryptedCredentials(long mailboxId, String host, int port, TransportSecurity security, String username,
            byte[] password) {
    }
}
