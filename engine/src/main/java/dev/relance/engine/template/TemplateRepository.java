package dev.relance.engine.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.Timestamps;
import dev.relance.templates.EmailTemplateSource;

@Repository
class TemplateRepository {

    private static final String INSERT_TEMPLATE = """
            INSERT INTO template (name, created_at) VALUES (:name, :now) RETURNING id
            """;

    // The next number is taken under the template row's lock, so two editors cannot both write "version 3".
    private static final String LOCK_TEMPLATE = """
            SELECT id FROM template WHERE id = :templateId FOR UPDATE
            """;

    private static final String INSERT_VERSION = """
            INSERT INTO template_version (template_id, version, subject, body_html, body_text, created_by, created_at)
            VALUES (:templateId,
                    (SELECT COALESCE(MAX(version), 0) + 1 FROM template_version WHERE template_id = :templateId),
                    :subject, :bodyHtml, :bodyText, :createdBy, :now)
            RETURNING *
            """;

    private static final String LATEST = """
            SELECT * FROM template_version WHERE template_id = :templateId ORDER BY version DESC LIMIT 1
            """;

    private static final String VERSIONS = """
            SELECT * FROM template_version WHERE template_id = :templateId ORDER BY version DESC
            """;

    private static final String BY_ID = """
            SELECT * FROM template_version WHERE id = :id
            """;

    // A template serves one variant; its step decides whether the subject may be empty (reply in thread).
    private static final String REPLIES_IN_THREAD = """
            SELECT EXISTS (SELECT 1 FROM step_variant v JOIN sequence_step s ON s.id = v.step_id
                            WHERE v.template_id = :templateId AND s.thread_mode = 'REPLY_IN_THREAD')
            """;

    private static final String DELETE_TEMPLATES = """
            DELETE FROM template WHERE id IN (:ids)
            """;

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertTemplate(String name, Instant now) {
        return jdbc.sql(INSERT_TEMPLATE).param("name", name).param("now", Timestamps.of(now)).query(Long.class).single();
    }

    boolean lock(long templateId) {
        return jdbc.sql(LOCK_TEMPLATE).param("templateId", templateId).query(Long.class).optional().isPresent();
    }

    TemplateVersion insertVersion(long templateId, EmailTemplateSource content, Long createdBy, Instant now) {
        return jdbc.sql(INSERT_VERSION).param("templateId", templateId).param("subject", content.subject())
                .param("bodyHtml", content.bodyHtml()).param("bodyText", content.bodyText())
                .param("createdBy", createdBy).param("now", Timestamps.of(now))
                .query(TemplateRepository::version).single();
    }

    Optional<TemplateVersion> latest(long templateId) {
        return jdbc.sql(LATEST).param("templateId", templateId).query(TemplateRepository::version).optional();
    }

    List<TemplateVersion> versions(long templateId) {
        return jdbc.sql(VERSIONS).param("templateId", templateId).query(TemplateRepository::version).list();
    }

    Optional<TemplateVersion> byId(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(TemplateRepository::version).optional();
    }

    boolean repliesInThread(long templateId) {
        return jdbc.sql(REPLIES_IN_THREAD).param("templateId", templateId).query(Boolean.class).single();
    }

    void deleteTemplates(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql(DELETE_TEMPLATES).param("ids", ids).update();
        }
    }

    private static TemplateVersion version(ResultSet rs, int row) throws SQLException {
        return new TemplateVersion(rs.getLong("id"), rs.getLong("template_id"), rs.getInt("version"),
                emptyToNull(rs.getString("subject")), rs.getString("body_html"), rs.getString("body_text"),
                rs.getObject("created_by", Long.class), Timestamps.instant(rs, "created_at"));
    }

    // A reply-in-thread step stores no subject as "" (the column is NOT NULL) and shows it as null.
    private static String emptyToNull(String subject) {
        return subject == null || subject.isEmpty() ? null : subject;
    }
}
