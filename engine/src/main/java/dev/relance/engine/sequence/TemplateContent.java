package dev.relance.engine.sequence;

/**
 * The content of one template version as stored: no subject is "" (the column is NOT NULL), a blank
 * body is null. Two contents are equal exactly when saving one over the other changes nothing.
 */
record TemplateContent(String subject, String bodyHtml, String bodyText) {

    static TemplateContent of(VariantDraft draft) {
        return new TemplateContent(isBlank(draft.subject()) ? "" : draft.subject(), blankToNull(draft.bodyHtml()),
                blankToNull(draft.bodyText()));
    }

    static TemplateContent of(Variant variant) {
        return new TemplateContent(variant.subject() == null ? "" : variant.subject(), variant.bodyHtml(),
                variant.bodyText());
    }

    /** The subject as shown: null when the email reuses its thread's subject. */
    static String shownSubject(String stored) {
        return isBlank(stored) ? null : stored;
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
