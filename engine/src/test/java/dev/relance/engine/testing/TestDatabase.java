package dev.relance.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of a test JVM: one embedded server per JVM (or the server at
 * {@code RELANCE_TEST_DB_URL}), and a fresh database for each Spring context.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static Server server;

    private TestDatabase() {
    }

    /** A new empty database on the JVM's test server. */
    public static synchronized Coordinates createDatabase() {
        Server s = server();
        String name = "relance_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Coordinates(s.urlOf(name), s.user(), s.password());
    }

    private static Server server() {
        if (server == null) {
            String external = System.getenv("RELANCE_TEST_DB_URL");
            server = external != null && !external.isBlank() ? externalServer(external) : embeddedServer();
        }
        return server;
    }

    /** An external server outlives the JVM, so the databases made on it are dropped at exit. */
    private static Server externalServer(String adminUrl) {
        String user = System.getenv().getOrDefault("RELANCE_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("RELANCE_TEST_DB_PASSWORD", "");
        String base = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        Server external = new Server(adminUrl, base, user, password);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropCreated(external)));
        return external;
    }

    private static synchronized void dropCreated(Server s) {
        try (Connection admin = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
             Statement statement = admin.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the test databases " + CREATED + ": " + e.getMessage());
        }
    }

    private static Server embeddedServer() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's temporary folder goes with it
                }
            }));
            String base = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
            return new Server(base + "postgres", base, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
        }
    }

    private record Server(String adminUrl, String base, String user, String password) {
        String urlOf(String database) {
            return base + database;
        }
    }

    /** Where a test database is and how to sign in to it. */
    public record Coordinates(String url, String user, String password) {
    }
}
