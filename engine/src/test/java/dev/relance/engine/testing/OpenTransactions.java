package dev.relance.engine.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Transactions a test holds open across its steps, each on a connection of its own, to interleave
 * writers as concurrent requests would. Whatever is still open at the end is rolled back.
 */
public final class OpenTransactions {

    private final DataSource dataSource;
    private final List<Connection> open = new ArrayList<>();

    public OpenTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Begins a transaction on a new connection. */
    public Connection begin() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        open.add(connection);
        return connection;
    }

    /** Statements in that transaction. */
    public static JdbcClient in(Connection connection) {
        return JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    /** The transactions still open, oldest first. */
    public List<Connection> open() {
        return List.copyOf(open);
    }

    public void end(Connection connection, boolean commit) throws SQLException {
        open.remove(connection);
        if (commit) {
            connection.commit();
        } else {
            connection.rollback();
        }
        connection.close();
    }

    public void rollbackAll() throws SQLException {
        for (Connection connection : List.copyOf(open)) {
            end(connection, false);
        }
    }
}
