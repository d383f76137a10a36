package dev.relance.engine.sequence;

import dev.relance.templates.EmailTemplateSource;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A variant as written, its content in Liquid. Changing the content of an existing variant writes a
 * new template version; messages already sent keep pointing at the version they used.
 *
 * @param id null for a new variant; otherwise a variant of the same step
 * @param label unique within the step, e.g. "A"
 * @param weight relative share of enrollments, null means 1; 0 keeps the variant but stops using it
 * @param subject one line; may be empty on a reply-in-thread step
 */
public record VariantDraft(
        Long id,
        @NotBlank @Size(max = 50) String label,
        @Min(0) @Max(1000) Integer weight,
        @Size(max = 998) String subject,
        @Size(max = 200_000) String bodyHtml,
        @Size(max = 200_000) String bodyText) {

    int weightOrDefault() {
        return weight == null ? 1 : weight;
    }

    EmailTemplateSource source() {
        return new EmailTemplateSource(subject, bodyHtml, bodyText);
    }
}
