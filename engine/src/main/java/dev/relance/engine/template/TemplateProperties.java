package dev.relance.engine.template;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How emails are rendered.
 *
 * @param footer Liquid footer appended to every email (text and HTML), rendered with the same
 *     variables; blank output adds nothing, and an empty setting turns the footer off. Default (when
 *     unset): the sender's postal address (CAN-SPAM) and the unsubscribe link, in the recipient's
 *     language (English or French).
 * @param maxIterations most loop iterations one rendering may run (default 10,000)
 * @param maxOutputChars most characters one rendering may produce (default 512,000)
 */
@ConfigurationProperties("relance.templates")
public record TemplateProperties(
        String footer,
        @DefaultValue("10000") int maxIterations,
        @DefaultValue("512000") int maxOutputChars) {
}
