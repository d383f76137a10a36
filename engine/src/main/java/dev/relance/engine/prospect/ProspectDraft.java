package dev.relance.engine.prospect;

import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A prospect as created or replaced.
 *
 * @param email unique across prospects, compared case-insensitively
 * @param timeZone IANA zone where the prospect reads mail; send windows are evaluated in it
 * @param locale BCP 47 tag such as {@code fr-FR}; dates in templates print in it
 * @param country ISO 3166-1 alpha-2 code
 * @param customFields scalar values under keys usable in templates as {@code custom.<key>}
 * @param ownerId the SDR who owns the prospect
 * @param accountId the prospect's company; when null it is found or created from the email's domain
 *     (never for free-mail domains)
 * @param companyName the account's name when one is created from the domain
 */
public record ProspectDraft(
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address like name@company.com") String email,
        @Size(max = 100) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String firstName,
        @Size(max = 100) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String lastName,
        @Size(max = 200) String title,
        @Size(max = 50) @Pattern(regexp = "[0-9+().\\- ]*", message = "may contain digits, spaces and + ( ) . - only") String phone,
        @Size(max = 500) @Pattern(regexp = "https://([a-z]{2,3}\\.)?linkedin\\.com/\\S+", message = "must be an https://linkedin.com/ profile URL") String linkedinUrl,
        @Size(max = 64) String timeZone,
        @Size(max = 35) String locale,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country,
        @Size(max = 100) String city,
        @Size(max = 100) Map<String, Object> customFields,
        Long ownerId,
        Long accountId,
        @Size(max = 200) String companyName) {

    /** This draft, owned by {@code ownerId} unless it names an owner. */
    public ProspectDraft ownedByDefault(long ownerId) {
        return this.ownerId != null ? this : new ProspectDraft(email, firstName, lastName, title, phone, linkedinUrl,
                timeZone, locale, country, city, customFields, ownerId, accountId, companyName);
    }
}
