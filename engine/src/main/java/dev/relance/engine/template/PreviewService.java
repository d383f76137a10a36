package dev.relance.engine.template;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.MailboxStatus;
import dev.relance.engine.mailbox.ServerSettings;
import dev.relance.engine.mailbox.TransportSecurity;
import dev.relance.engine.prospect.Account;
import dev.relance.engine.prospect.AccountService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserService;
import dev.relance.templates.EmailTemplateSource;
import dev.relance.templates.RenderedEmail;

/**
 * Renders a template for one prospect (or a sample) the way it would be sent, except that missing
 * variables come out empty and are listed as warnings instead of stopping the message.
 */
@Service
public class PreviewService {

    /** Preview links go nowhere: the real link is signed per recipient at send time. */
    static final String PREVIEW_UNSUBSCRIBE_URL = "https://relance.invalid/unsubscribe/preview";

    private final TemplateService templates;
    private final ProspectService prospects;
    private final AccountService accounts;
    private final MailboxService mailboxes;
    private final UserService users;
    private final Clock clock;

    PreviewService(TemplateService templates, ProspectService prospects, AccountService accounts, MailboxService mailboxes,
            UserService users, Clock clock) {
        this.templates = templates;
        this.prospects = prospects;
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.users = users;
        this.clock = clock;
    }

    public RenderedEmail preview(PreviewRequest request, long callerId) {
        if (request.hasContent() == (request.templateVersionId() != null)) {
            throw new InvalidInputException("templateVersionId", "give either the content or a templateVersionId");
        }
        EmailTemplateSource source = request.templateVersionId() != null
                ? TemplateContents.of(templates.version(request.templateVersionId()))
                : new EmailTemplateSource(request.subject(), request.bodyHtml(), request.bodyText());
        boolean subjectRequired = !Boolean.TRUE.equals(request.replyInThread());
        Prospect prospect = prospectOf(request);
        Account account = prospect.accountId() == null ? sampleAccount(request) : accounts.get(prospect.accountId());
        long seed = request.seed() != null ? request.seed() : prospect.id();
        Recipient recipient = new Recipient(prospect, account, senderOf(request, callerId), seed, PREVIEW_UNSUBSCRIBE_URL);
        return templates.preview(source, subjectRequired, recipient);
    }

    private Prospect prospectOf(PreviewRequest request) {
        if (request.prospectId() != null) {
            return prospects.get(request.prospectId());
        }
        Map<String, Object> sample = request.sample() == null ? SampleProspect.VALUES : request.sample();
        return SampleProspect.from(sample, clock.instant());
    }

    private static Account sampleAccount(PreviewRequest request) {
        Map<String, Object> sample = request.sample() == null ? SampleProspect.VALUES : request.sample();
        return SampleProspect.accountFrom(sample);
    }

    private Mailbox senderOf(PreviewRequest request, long callerId) {
        if (request.mailboxId() != null) {
            return mailboxes.get(request.mailboxId());
        }
        return mailboxes.list(PageRequest.first(1), callerId, MailboxStatus.ACTIVE).items().stream().findFirst()
                .orElseGet(() -> placeholderSender(users.get(callerId)));
    }

    private Mailbox placeholderSender(User caller) {
        ServerSettings none = new ServerSettings("localhost", 25, TransportSecurity.NONE, caller.email(), false);
        return new Mailbox(0, caller.email(), caller.displayName(), "", caller.id(), MailboxStatus.ACTIVE, null, none, null,
                0, 0, 0, 0, "UTC", null, clock.instant(), clock.instant());
    }
}
