package dev.relance.engine.prospect;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A suppression entry as written through the API.
 *
 * @param kind ADDRESS or DOMAIN (hash entries are written by erasure only)
 * @param value the address or the domain
 * @param reason defaults to MANUAL
 * @param source free text: where the request came from ("phone call", "ticket 1234")
 */
public record SuppressionDraft(
        @NotNull SuppressionKind kind,
        @NotBlank @Size(max = 254) String value,
        SuppressionReason reason,
        @Size(max = 500) String source) {
}
