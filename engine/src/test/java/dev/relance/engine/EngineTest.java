package dev.relance.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.relance.engine.testing.TestClockConfiguration;

/**
 * An engine integration test: the engine's components against a fresh PostgreSQL database
 * (migrated by Flyway), with a settable clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = EngineTestApplication.class, properties = {
        "relance.encryption.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "spring.batch.job.enabled=false",
        "spring.batch.jdbc.initialize-schema=never",
        "relance.dispatch.enabled=false", "relance.inbox.enabled=false",
        "relance.reports.enabled=false", "relance.batch.recovery-enabled=false"})
@Import(TestClockConfiguration.class)
public @interface EngineTest {
}
