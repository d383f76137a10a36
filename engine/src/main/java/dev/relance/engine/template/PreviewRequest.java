package dev.relance.engine.template;

import java.util.Map;

import jakarta.validation.constraints.Size;

/**
 * What to preview, for whom. Give either the content (subject and bodies) or a
 * {@code templateVersionId}; and either a {@code prospectId} or an inline {@code sample}
 * (prospect fields by their template names, with {@code account} and {@code custom} maps), or
 * neither for a built-in sample prospect.
 *
 * @param replyInThread the content is a reply-in-thread step: its subject may be empty
 * @param mailboxId the sender; default: the caller's most recent active mailbox, else a placeholder
 * @param seed spintax seed; default: the prospect's id, so a preview shows what that prospect would get
 */
public record PreviewRequest(
        @Size(max = 998) String subject,
        @Size(max = 200_000) String bodyHtml,
        @Size(max = 200_000) String bodyText,
        Long templateVersionId,
        Boolean replyInThread,
        Long prospectId,
        @Size(max = 100) Map<String, Object> sample,
        Long mailboxId,
        Long seed) {

    boolean hasContent() {
        return subject != null || bodyHtml != null || bodyText != null;
    }
}
