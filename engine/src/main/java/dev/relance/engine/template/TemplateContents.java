package dev.relance.engine.template;

import dev.relance.templates.EmailTemplateSource;

/**
 * Template content in its stored form: no subject is "" (the column is NOT NULL), a blank body is
 * null. Two stored forms are equal exactly when saving one over the other changes nothing.
 */
final class TemplateContents {

    private TemplateContents() {
    }

    static EmailTemplateSource stored(EmailTemplateSource source) {
        return new EmailTemplateSource(isBlank(source.subject()) ? "" : source.subject(), blankToNull(source.bodyHtml()),
                blankToNull(source.bodyText()));
    }

    static EmailTemplateSource of(TemplateVersion version) {
        return new EmailTemplateSource(version.subject(), version.bodyHtml(), version.bodyText());
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
