package dev.relance.engine.template;

import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.prospect.Account;
import dev.relance.engine.prospect.Prospect;

/**
 * Who one email is rendered for, and from whom.
 *
 * @param account the prospect's company, or null
 * @param spinSeed one per enrollment: the same words on every re-render and retry
 * @param unsubscribeUrl the signed one-click unsubscribe link of this recipient
 */
public record Recipient(Prospect prospect, Account account, Mailbox sender, long spinSeed, String unsubscribeUrl) {
}
