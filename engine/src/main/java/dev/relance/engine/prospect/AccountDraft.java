package dev.relance.engine.prospect;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account as created or replaced.
 *
 * @param domain the company's email domain, unique; free-mail domains (gmail.com...) are refused
 */
public record AccountDraft(
        @NotBlank @Size(max = 253) @Pattern(regexp = "(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+", message = "must be a domain name such as acme.com") String domain,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website,
        @Size(max = 200) String industry,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country,
        @Size(max = 100) Map<String, Object> customFields,
        Long ownerId) {
}
