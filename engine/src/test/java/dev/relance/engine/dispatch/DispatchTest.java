package dev.relance.engine.dispatch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import dev.relance.engine.EngineTest;

/**
 * An engine test of sending: its own database (apart from other engine tests, whose enrollments
 * would otherwise be due too) and public https links.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EngineTest
@TestPropertySource(properties = "relance.tracking.public-url=https://relance.test")
public @interface DispatchTest {
}
