package dev.relance.engine.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * PostgreSQL arrays as named parameters, for statements that work on many rows at once
 * ({@code = ANY(:ids)}, {@code unnest(:ids, :states)}): one statement text whatever the number of
 * rows, so one prepared plan. Elements may be null.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static SqlTypeValue bigints(Collection<Long> values) {
        return of("int8", values.toArray(Long[]::new));
    }

    public static SqlTypeValue texts(Collection<String> values) {
        return of("text", values.toArray(String[]::new));
    }

    public static SqlTypeValue doubles(Collection<Double> values) {
        return of("float8", values.toArray(Double[]::new));
    }

    public static SqlTypeValue booleans(Collection<Boolean> values) {
        return of("bool", values.toArray(Boolean[]::new));
    }

    public static SqlTypeValue uuids(Collection<UUID> values) {
        return of("uuid", values.toArray(UUID[]::new));
    }

    /** Instants as ISO-8601 UTC text: read back as timestamptz whatever the session's time zone. */
    public static SqlTypeValue timestamps(Collection<Instant> values) {
        return of("timestamptz", values.stream().map(at -> at == null ? null : at.toString()).toArray(String[]::new));
    }

    private static SqlTypeValue of(String type, Object[] elements) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
                return connection.createArrayOf(type, elements);
            }
        };
    }
}
