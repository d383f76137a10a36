package dev.relance.templates;

/**
 * The Liquid source of one email as a marketer writes it. At least one body is given; a
 * plain-text-only email (common for cold outreach) leaves {@code bodyHtml} null.
 */
public record EmailTemplateSource(String subject, String bodyHtml, String bodyText) {
}
