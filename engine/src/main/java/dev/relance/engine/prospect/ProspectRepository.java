package dev.relance.engine.prospect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.relance.engine.support.JsonColumns;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.support.Timestamps;

@Repository
class ProspectRepository {

    private static final String INSERT = """
            INSERT INTO prospect (email, first_name, last_name, title, phone, linkedin_url, time_zone, locale, country,
                                  city, custom_fields, owner_id, account_id, created_at, updated_at)
            VALUES (:email, :firstName, :lastName, :title, :phone, :linkedinUrl, :timeZone, :locale, :country,
                    :city, CAST(:customFields AS jsonb), :ownerId, :accountId, :now, :now)
            RETURNING *
            """;

    private static final String UPDATE = """
            UPDATE prospect
               SET email = :email, first_name = :firstName, last_name = :lastName, title = :title, phone = :phone,
                   linkedin_url = :linkedinUrl, time_zone = :timeZone, locale = :locale, country = :country,
                   city = :city, custom_fields = CAST(:customFields AS jsonb), owner_id = :ownerId,
                   account_id = :accountId, updated_at = :now, version = version + 1
             WHERE id = :id
            RETURNING *
            """;

    private static final String FIND_BY_IDS = """
            SELECT * FROM prospect WHERE id IN (:ids)
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM prospect WHERE id = :id
            """;

    private static final String LIST = """
            SELECT * FROM prospect
             WHERE (CAST(:beforeId AS bigint) IS NULL OR id < :beforeId)
               AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = :ownerId)
               AND (CAST(:accountId AS bigint) IS NULL OR account_id = :accountId)
               AND (CAST(:email AS citext) IS NULL OR email = CAST(:email AS citext))
             ORDER BY id DESC
             LIMIT :limit
            """;

    // Keeps the schema of custom fields that templates are validated against.
    private static final String REMEMBER_CUSTOM_FIELD_KEYS = """
            INSERT INTO custom_field_key (key, first_seen_at)
            SELECT jsonb_object_keys(CAST(:customFields AS jsonb)), :now
            ON CONFLICT (key) DO NOTHING
            """;

    private static final String CUSTOM_FIELD_KEYS = """
            SELECT key FROM custom_field_key ORDER BY key
            """;

    private static final String DELETE = """
            DELETE FROM prospect WHERE id = :id
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    ProspectRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Prospect insert(ProspectDraft draft, String email, Long accountId, Instant now) {
        rememberCustomFieldKeys(draft, now);
        return bind(jdbc.sql(INSERT), draft, email, accountId, now).query(this::prospect).single();
    }

    Optional<Prospect> update(long id, ProspectDraft draft, String email, Long accountId, Instant now) {
        rememberCustomFieldKeys(draft, now);
        return bind(jdbc.sql(UPDATE), draft, email, accountId, now).param("id", id).query(this::prospect).optional();
    }

    List<String> customFieldKeys() {
        return jdbc.sql(CUSTOM_FIELD_KEYS).query(String.class).list();
    }

    private void rememberCustomFieldKeys(ProspectDraft draft, Instant now) {
        if (draft.customFields() != null && !draft.customFields().isEmpty()) {
            jdbc.sql(REMEMBER_CUSTOM_FIELD_KEYS).param("customFields", json.write(draft.customFields()))
                    .param("now", Timestamps.of(now)).update();
        }
    }

    List<Prospect> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(FIND_BY_IDS).param("ids", ids).query(this::prospect).list();
    }

    Optional<Prospect> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(this::prospect).optional();
    }

    List<Prospect> list(PageRequest page, ProspectFilter filter) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("ownerId", filter.ownerId())
                .param("accountId", filter.accountId()).param("email", filter.email())
                .param("limit", page.fetchSize()).query(this::prospect).list();
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ProspectDraft draft, String email, Long accountId,
            Instant now) {
        return spec.param("email", email).param("firstName", draft.firstName()).param("lastName", draft.lastName())
                .param("title", draft.title()).param("phone", draft.phone()).param("linkedinUrl", draft.linkedinUrl())
                .param("timeZone", draft.timeZone()).param("locale", draft.locale()).param("country", draft.country())
                .param("city", draft.city()).param("customFields", json.write(draft.customFields()))
                .param("ownerId", draft.ownerId()).param("accountId", accountId).param("now", Timestamps.of(now));
    }

    private Prospect prospect(ResultSet rs, int row) throws SQLException {
        return new Prospect(rs.getLong("id"), rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("title"), rs.getString("phone"), rs.getString("linkedin_url"), rs.getString("time_zone"),
                rs.getString("locale"), rs.getString("country"), rs.getString("city"),
                json.read(rs.getString("custom_fields")), rs.getObject("owner_id", Long.class),
                rs.getObject("account_id", Long.class), Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }
}
