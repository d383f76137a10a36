package dev.relance.engine.prospect;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.relance.engine.support.JsonColumns;
import dev.relance.engine.support.SqlArrays;
import dev.relance.engine.support.Timestamps;

/** Set-based statements for imports: one statement per chunk and kind of change, whatever its size. */
@Repository
class ProspectBulkRepository {

    private static final String FIND_BY_EMAILS = """
            SELECT id, email, first_name, last_name, title, phone, linkedin_url, time_zone, country, city,
                   custom_fields, owner_id, account_id
              FROM prospect
             WHERE email = ANY(CAST(:emails AS citext[]))
            """;

    // Sorted input keeps two concurrent imports from locking the same domains in opposite orders.
    private static final String CREATE_ACCOUNTS = """
            INSERT INTO account (domain, name, website, created_at, updated_at)
            SELECT u.domain, u.name, u.website, :now, :now
              FROM unnest(:domains, :names, :websites) AS u(domain, name, website)
             ORDER BY u.domain
            ON CONFLICT (domain) DO NOTHING
            """;

    private static final String FIND_ACCOUNTS = """
            SELECT id, domain FROM account WHERE domain = ANY(CAST(:domains AS citext[]))
            """;

    // One chunk's new prospects travel by COPY into this per-session scratch table, then move to
    // prospect in one INSERT ... SELECT: far cheaper than binding a dozen arrays and unnesting them.
    private static final String CREATE_STAGE = """
            CREATE TEMPORARY TABLE IF NOT EXISTS prospect_stage (
                email text, first_name text, last_name text, title text, phone text, linkedin_url text, time_zone text,
                country text, city text, custom_fields text, owner_id bigint, account_id bigint
            ) ON COMMIT DELETE ROWS
            """;

    private static final String CLEAR_STAGE = """
            DELETE FROM prospect_stage
            """;

    private static final String COPY_STAGE = """
            COPY prospect_stage (email, first_name, last_name, title, phone, linkedin_url, time_zone, country, city,
                                 custom_fields, owner_id, account_id) FROM STDIN
            """;

    // The rows were looked up just before, so a conflict means another writer inserted the same
    // address meanwhile: rare, and ON CONFLICT's speculative insertion costs about a third of the
    // insert. So this plain insert runs first, under a savepoint, and INSERT_STAGED_OR_SKIP only if it fails.
    private static final String INSERT_STAGED = """
            INSERT INTO prospect (email, first_name, last_name, title, phone, linkedin_url, time_zone, country, city,
                                  custom_fields, owner_id, account_id, created_at, updated_at)
            SELECT s.email, s.first_name, s.last_name, s.title, s.phone, s.linkedin_url, s.time_zone, s.country, s.city,
                   CAST(s.custom_fields AS jsonb), s.owner_id, s.account_id, :now, :now
              FROM prospect_stage s
            RETURNING id, email
            """;

    // A row another writer inserted meanwhile is left alone (DO NOTHING) and reported as created.
    private static final String INSERT_STAGED_OR_SKIP = """
            INSERT INTO prospect (email, first_name, last_name, title, phone, linkedin_url, time_zone, country, city,
                                  custom_fields, owner_id, account_id, created_at, updated_at)
            SELECT s.email, s.first_name, s.last_name, s.title, s.phone, s.linkedin_url, s.time_zone, s.country, s.city,
                   CAST(s.custom_fields AS jsonb), s.owner_id, s.account_id, :now, :now
              FROM prospect_stage s
            ON CONFLICT (email) DO NOTHING
            RETURNING id, email
            """;

    private static final String UPDATE_PROSPECTS = """
            UPDATE prospect p
               SET first_name = u.first_name, last_name = u.last_name, title = u.title, phone = u.phone,
                   linkedin_url = u.linkedin_url, time_zone = u.time_zone, country = u.country, city = u.city,
                   custom_fields = CAST(u.custom_fields AS jsonb), owner_id = u.owner_id, account_id = u.account_id,
                   updated_at = :now, version = p.version + 1
              FROM unnest(:ids, :firstNames, :lastNames, :titles, :phones, :linkedinUrls, :timeZones, :countries,
                          :cities, :customFields, :ownerIds, :accountIds)
                   AS u(id, first_name, last_name, title, phone, linkedin_url, time_zone, country, city,
                        custom_fields, owner_id, account_id)
             WHERE p.id = u.id
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final DataSource dataSource;
    private final TransactionTemplate savepoint;

    ProspectBulkRepository(JdbcClient jdbc, JsonColumns json, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.dataSource = dataSource;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Existing prospects by lower-cased email. */
    Map<String, ProspectValues> findByEmails(Collection<String> emails) {
        Map<String, ProspectValues> found = new HashMap<>();
        jdbc.sql(FIND_BY_EMAILS).param("emails", SqlArrays.texts(emails)).query((rs, row) -> {
            ProspectValues values = values(rs);
            found.put(values.email().toLowerCase(Locale.ROOT), values);
            return values;
        }).list();
        return found;
    }

    /** Account ids by lower-cased domain, created (with these names and websites) where missing. */
    Map<String, Long> accountsFor(List<String> domains, List<String> names, List<String> websites, Instant now) {
        if (domains.isEmpty()) {
            return Map.of();
        }
        // Most domains of a large file repeat from chunk to chunk: look up first, insert only the new ones.
        Map<String, Long> ids = findAccounts(domains);
        List<Integer> missing = new java.util.ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            if (!ids.containsKey(domains.get(i))) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return ids;
        }
        List<String> newDomains = missing.stream().map(domains::get).toList();
        jdbc.sql(CREATE_ACCOUNTS).param("domains", SqlArrays.texts(newDomains))
                .param("names", SqlArrays.texts(missing.stream().map(names::get).toList()))
                .param("websites", SqlArrays.texts(missing.stream().map(websites::get).toList()))
                .param("now", Timestamps.of(now)).update();
        ids.putAll(findAccounts(newDomains));
        return ids;
    }

    private Map<String, Long> findAccounts(List<String> domains) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql(FIND_ACCOUNTS).param("domains", SqlArrays.texts(domains))
                .query((rs, row) -> ids.put(rs.getString("domain").toLowerCase(Locale.ROOT), rs.getLong("id"))).list();
        return ids;
    }

    /**
     * Inserts new prospects in the caller's transaction; a row whose email exists by then is left out
     * (and its prospect, another writer's, is looked up). Returns the prospects' ids by lower-cased email.
     */
    Map<String, Long> insert(List<ProspectValues> rows, Instant now) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        stage(rows);
        Map<String, Long> ids = new HashMap<>();
        try {
            savepoint.executeWithoutResult(tx -> jdbc.sql(INSERT_STAGED).param("now", Timestamps.of(now))
                    .query(rs -> {
                        ids.put(rs.getString("email").toLowerCase(Locale.ROOT), rs.getLong("id"));
                    }));
        } catch (DuplicateKeyException e) {
            ids.clear();
            jdbc.sql(INSERT_STAGED_OR_SKIP).param("now", Timestamps.of(now))
                    .query(rs -> {
                        ids.put(rs.getString("email").toLowerCase(Locale.ROOT), rs.getLong("id"));
                    });
            List<String> raced = rows.stream().map(r -> r.email().toLowerCase(Locale.ROOT))
                    .filter(email -> !ids.containsKey(email)).toList();
            findByEmails(raced).forEach((email, values) -> ids.put(email, values.id()));
        }
        return ids;
    }

    private void stage(List<ProspectValues> rows) {
        jdbc.sql(CREATE_STAGE).update();
        jdbc.sql(CLEAR_STAGE).update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (OutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY_STAGE, 1 << 16)) {
            CopyRows out = new CopyRows(copy);
            for (ProspectValues row : rows) {
                out.column(row.email()).column(row.firstName()).column(row.lastName()).column(row.title())
                        .column(row.phone()).column(row.linkedinUrl()).column(row.timeZone()).column(row.country())
                        .column(row.city()).column(json.write(row.customFields())).column(row.ownerId())
                        .column(row.accountId()).endRow();
            }
        } catch (SQLException | IOException e) {
            throw new DataAccessResourceFailureException("could not copy prospects to prospect_stage", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    void update(List<ProspectValues> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        bindColumns(jdbc.sql(UPDATE_PROSPECTS), rows)
                .param("ids", SqlArrays.bigints(rows.stream().map(ProspectValues::id).toList()))
                .param("now", Timestamps.of(now)).update();
    }

    private JdbcClient.StatementSpec bindColumns(JdbcClient.StatementSpec statement, List<ProspectValues> rows) {
        return statement.param("firstNames", texts(rows, ProspectValues::firstName))
                .param("lastNames", texts(rows, ProspectValues::lastName))
                .param("titles", texts(rows, ProspectValues::title))
                .param("phones", texts(rows, ProspectValues::phone))
                .param("linkedinUrls", texts(rows, ProspectValues::linkedinUrl))
                .param("timeZones", texts(rows, ProspectValues::timeZone))
                .param("countries", texts(rows, ProspectValues::country))
                .param("cities", texts(rows, ProspectValues::city))
                .param("customFields", texts(rows, r -> json.write(r.customFields())))
                .param("ownerIds", SqlArrays.bigints(rows.stream().map(ProspectValues::ownerId).toList()))
                .param("accountIds", SqlArrays.bigints(rows.stream().map(ProspectValues::accountId).toList()));
    }

    private static Object texts(List<ProspectValues> rows, java.util.function.Function<ProspectValues, String> column) {
        return SqlArrays.texts(rows.stream().map(column).toList());
    }

    private ProspectValues values(ResultSet rs) throws SQLException {
        return new ProspectValues(rs.getLong("id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("title"), rs.getString("phone"), rs.getString("linkedin_url"),
                rs.getString("time_zone"), rs.getString("country"), rs.getString("city"),
                json.read(rs.getString("custom_fields")), rs.getObject("owner_id", Long.class),
                rs.getObject("account_id", Long.class));
    }
}
