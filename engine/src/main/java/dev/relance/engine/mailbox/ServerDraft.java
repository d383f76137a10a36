package dev.relance.engine.mailbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * SMTP or IMAP settings as written by an admin.
 *
 * @param password stored encrypted; on replace, null keeps the stored one
 */
public record ServerDraft(
        @NotBlank @Size(max = 253) String host,
        @NotNull @Min(1) @Max(65535) Integer port,
        @NotNull TransportSecurity security,
        @NotBlank @Size(max = 254) String username,
        @Size(max = 1000) String password) {
}
