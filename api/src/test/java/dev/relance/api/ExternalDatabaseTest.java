package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import dev.relance.api.support.ApiTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** With spring.datasource.url set (as every API test sets it), Relance starts no database of its own. */
@ApiTest
class ExternalDatabaseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;

    @Test
    void a_configured_datasource_url_is_used_and_no_embedded_postgres_is_started() {
        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://");
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
    }
}
