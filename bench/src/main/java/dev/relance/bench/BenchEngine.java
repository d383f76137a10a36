package dev.relance.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The engine alone, as every benchmark boots it: every engine component and Spring Boot's
 * auto-configuration (datasource, Flyway migrations, transactions, mail...), without web, with no
 * Quartz job and no background work, on the benchmark's embedded database.
 */
@SpringBootApplication(scanBasePackages = "dev.relance.engine", proxyBeanMethods = false)
class BenchEngine {

    /**
     * @param settings the benchmark's own properties, added to (or replacing) the common ones;
     *     {@code -D} system properties override any of them
     */
    static ConfigurableApplicationContext start(EmbeddedPostgres postgres, Map<String, Object> settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("relance.encryption.key", "YmVuY2gtb25seS1rZXktbm90LWEtc2VjcmV0LTAwMDA=");
        properties.put("relance.tracking.public-url", "https://relance.example");
        properties.put("relance.dispatch.enabled", false);
        properties.put("relance.inbox.enabled", false);
        properties.put("relance.reports.enabled", false);
        properties.put("spring.batch.job.enabled", false);
        properties.put("spring.batch.jdbc.initialize-schema", "never");
        properties.put("spring.quartz.auto-startup", false);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.putAll(settings);
        return new SpringApplicationBuilder(BenchEngine.class).web(WebApplicationType.NONE).properties(properties)
                .logStartupInfo(false).run();
    }
}
