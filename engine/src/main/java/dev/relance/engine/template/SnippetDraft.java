package dev.relance.engine.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A snippet as created or edited; editing writes a new version.
 *
 * @param name how templates include it: {@code {% snippet "case_study" %}}
 * @param body Liquid source, validated like a template body
 */
public record SnippetDraft(
        @NotBlank @Pattern(regexp = "[a-z0-9_]{1,64}", message = "is 1 to 64 lower-case letters, digits or '_'") String name,
        @Size(max = 500) String description,
        @NotBlank @Size(max = 50_000) String body) {
}
