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
class AccountRepository {

    private static final String INSERT = """
            INSERT INTO account (domain, name, website, industry, country, custom_fields, owner_id, created_at, updated_at)
            VALUES (:domain, :name, :website, :industry, :country, CAST(:customFields AS jsonb), :ownerId, :now, :now)
            RETURNING *
            """;

    // Concurrent imports may create the same company: the unique domain decides, both get its id.
    private static final String FIND_OR_CREATE_BY_DOMAIN = """
            WITH created AS (
                INSERT INTO account (domain, name, created_at, updated_at)
                VALUES (:domain, :name, :now, :now)
                ON CONFLICT (domain) DO NOTHING
                RETURNING id)
            SELECT id FROM created
            UNION ALL
            SELECT id FROM account WHERE domain = CAST(:domain AS citext)
            LIMIT 1
            """;

    private static final String UPDATE = """
            UPDATE account
               SET domain = :domain, name = :name, website = :website, industry = :industry, country = :country,
                   custom_fields = CAST(:customFields AS jsonb), owner_id = :ownerId, updated_at = :now,
                   version = version + 1
             WHERE id = :id
            RETURNING *
            """;

    private static final String FIND_BY_IDS = """
            SELECT * FROM account WHERE id IN (:ids)
            """;

    private static final String FIND_BY_ID = """
            SELECT * FROM account WHERE id = :id
            """;

    private static final String LIST = """
            SELECT * FROM account
             WHERE (CAST(:beforeId AS bigint) IS NULL OR id < :beforeId)
               AND (CAST(:ownerId AS bigint) IS NULL OR owner_id = :ownerId)
               AND (CAST(:domain AS citext) IS NULL OR domain = CAST(:domain AS citext))
             ORDER BY id DESC
             LIMIT :limit
            """;

    private static final String DELETE = """
            DELETE FROM account WHERE id = :id
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;

    AccountRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Account insert(AccountDraft draft, Instant now) {
        return bind(jdbc.sql(INSERT), draft, now).query(this::account).single();
    }

    long findOrCreateByDomain(String domain, String name, Instant now) {
        return jdbc.sql(FIND_OR_CREATE_BY_DOMAIN).param("domain", domain).param("name", name)
                .param("now", Timestamps.of(now)).query(Long.class).single();
    }

    Optional<Account> update(long id, AccountDraft draft, Instant now) {
        return bind(jdbc.sql(UPDATE), draft, now).param("id", id).query(this::account).optional();
    }

    List<Account> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(FIND_BY_IDS).param("ids", ids).query(this::account).list();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql(FIND_BY_ID).param("id", id).query(this::account).optional();
    }

    List<Account> list(PageRequest page, Long ownerId, String domain) {
        return jdbc.sql(LIST).param("beforeId", page.beforeId()).param("ownerId", ownerId).param("domain", domain)
                .param("limit", page.fetchSize()).query(this::account).list();
    }

    boolean delete(long id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AccountDraft draft, Instant now) {
        return spec.param("domain", draft.domain().trim().toLowerCase(java.util.Locale.ROOT)).param("name", draft.name())
                .param("website", draft.website()).param("industry", draft.industry()).param("country", draft.country())
                .param("customFields", json.write(draft.customFields())).param("ownerId", draft.ownerId())
                .param("now", Timestamps.of(now));
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("domain"), rs.getString("name"), rs.getString("website"),
                rs.getString("industry"), rs.getString("country"), json.read(rs.getString("custom_fields")),
                rs.getObject("owner_id", Long.class), Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }
}
