package dev.relance.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.relance.RelanceApplication;
import dev.relance.engine.testing.TestClockConfiguration;

/**
 * The whole application on a random port, over real HTTP, against a fresh PostgreSQL database,
 * with a settable clock. No demo data and no sandbox mailbox unless a test asks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RelanceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relance.encryption.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "relance.demo.enabled=false",
        "relance.sandbox.embedded=false",
        "relance.dispatch.enabled=false", "relance.inbox.enabled=false",
        "relance.reports.enabled=false", "relance.batch.recovery-enabled=false"})
@Import({TestClockConfiguration.class, ApiFixtures.class})
public @interface ApiTest {
}
