package dev.relance.engine.mailbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A mailbox as created or replaced. Caps and spacing default to a cautious cold-email pace.
 *
 * @param displayName the From name; no line breaks (they would inject headers)
 * @param ownerId the user whose mailbox this is; follow-ups always leave from the first touch's mailbox
 * @param imap where replies are read; optional until inbox polling is wanted
 * @param dailyCap most emails per day (mailbox's time zone); default 200
 * @param hourlyCap most emails per hour; default 40
 * @param minSpacingSeconds least seconds between two sends; default 60
 * @param spacingJitterSeconds random seconds added to the spacing so sends look human; default 30
 * @param timeZone IANA zone of the mailbox: its day for the daily cap, and the send-window fallback
 * @param postalAddress the sender's postal address, printed in every email's footer (CAN-SPAM)
 */
public record MailboxDraft(
        @NotBlank @Email @Size(max = 254) String emailAddress,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String displayName,
        @Size(max = 20_000) String signatureHtml,
        Long ownerId,
        @NotNull @Valid ServerDraft smtp,
        @Valid ServerDraft imap,
        @Min(0) Integer dailyCap,
        @Min(0) Integer hourlyCap,
        @Min(0) Integer minSpacingSeconds,
        @Min(0) Integer spacingJitterSeconds,
        @NotBlank String timeZone,
        @Size(max = 500) String postalAddress) {
}
