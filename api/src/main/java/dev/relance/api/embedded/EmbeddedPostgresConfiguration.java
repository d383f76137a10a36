package dev.relance.api.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The zero-configuration database: an embedded PostgreSQL whose data stays in a local folder
 * across restarts. Not started when {@code spring.datasource.url} points at a real server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "relance";
    private static final String DATABASE_EXISTS = """
            SELECT 1 FROM pg_database WHERE datname = 'relance'
            """;
    private static final String CREATE_DATABASE = """
            CREATE DATABASE relance
            """;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path data = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(data);
        log.info("Starting the embedded PostgreSQL; its data is kept in {}", data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
        if (properties.port() != 0) {
            builder.setPort(properties.port());
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
        createDatabaseIfMissing(postgres);
        HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", DATABASE)).username("postgres").password("postgres").build();
        dataSource.setPoolName("relance-embedded");
        log.info("Embedded PostgreSQL ready at jdbc:postgresql://localhost:{}/{} (user postgres)", postgres.getPort(), DATABASE);
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery(DATABASE_EXISTS);
            if (!exists.next()) {
                statement.execute(CREATE_DATABASE);
            }
        }
    }
}
