package dev.relance.engine.sequence;

import dev.relance.templates.EmailTemplateSource;

/**
 * One A/B variant of an email step, with the content of its latest template version.
 *
 * @param weight relative share of enrollments that get this variant; 0 stops using it
 * @param templateId the variant's template, whose versions are never modified
 * @param templateVersion number of the latest version, from 1
 * @param templateVersionId id of the latest version: what a message sent now points at
 * @param subject Liquid subject; null on a reply-in-thread step that reuses the thread's subject
 * @param bodyHtml Liquid HTML body, or null for a plain-text email
 * @param bodyText Liquid plain-text body, or null for an HTML-only email
 */
public record Variant(long id, String label, int weight, long templateId, int templateVersion, long templateVersionId,
        String subject, String bodyHtml, String bodyText) {

    /** The content of the variant's current template version. */
    public EmailTemplateSource source() {
        return new EmailTemplateSource(subject, bodyHtml, bodyText);
    }
}
