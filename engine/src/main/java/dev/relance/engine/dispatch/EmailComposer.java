package dev.relance.engine.dispatch;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.relance.engine.mailbox.MessageIds;
import dev.relance.engine.mailbox.OutgoingEmail;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.sequence.SequenceRules;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.sequence.Variant;
import dev.relance.engine.template.Recipient;
import dev.relance.engine.template.TemplateService;
import dev.relance.engine.tracking.TrackingLinks;
import dev.relance.templates.RenderedEmail;

/**
 * Turns a step into the message to record and the email to send: renders the chosen variant for
 * the prospect, threads a follow-up under the previous emails ("Re:", In-Reply-To, References), and
 * adds the one-click unsubscribe headers and, at send time, click and open tracking.
 */
@Component
class EmailComposer {

    private final TemplateService templates;
    private final TrackingLinks links;
    private final MessageLog messages;

    EmailComposer(TemplateService templates, TrackingLinks links, MessageLog messages) {
        this.templates = templates;
        this.links = links;
        this.messages = messages;
    }

    /**
     * @param content the subject and bodies to send instead of rendering (a manual email the owner
     *     reviewed), or null to render the variant
     * @throws dev.relance.templates.MissingVariablesException when a printed variable is missing
     */
    NewMessage compose(StepContext context, Variant variant, RenderedEmail content) {
        String messageId = MessageIds.newMessageId(context.mailbox().emailAddress());
        List<MessageRecord> thread = context.step().threadMode() == ThreadMode.REPLY_IN_THREAD
                ? messages.thread(context.claimed().id()) : List.of();
        RenderedEmail email = content != null ? content : templates.render(variant.templateVersionId(),
                new Recipient(context.prospect(), context.account(), context.mailbox(), context.claimed().id(),
                        links.unsubscribeUrl(context.claimed().id(), context.step().id())));
        if (thread.isEmpty()) {
            return new NewMessage(context.claimed().id(), context.step().id(), variantId(variant), versionId(variant),
                    context.mailbox().id(), context.prospect().id(), messageId, null, null, email.subject(), email.html(),
                    email.text(), null);
        }
        MessageRecord root = thread.getFirst();
        String references = thread.stream().map(MessageRecord::messageIdHeader).collect(Collectors.joining(" "));
        return new NewMessage(context.claimed().id(), context.step().id(), variantId(variant), versionId(variant),
                context.mailbox().id(), context.prospect().id(), messageId, thread.getLast().messageIdHeader(), references,
                reply(root.subject()), email.html(), email.text(), root.id());
    }

    /**
     * The email for a recorded message: exactly what was recorded, with its HTML tracked as the
     * sequence's rules say (links rewritten, open pixel). Tracking is a deterministic function of
     * the recorded HTML, so a retry sends the same bytes; the recorded body stays the original.
     */
    OutgoingEmail outgoing(StepContext context, MessageRecord message) {
        Prospect prospect = context.prospect();
        SequenceRules rules = context.sequence().rules();
        String html = links.trackedHtml(message.bodyHtml(), message.enrollmentId(), message.stepId(),
                rules.trackOpens(), rules.trackClicks());
        String name = ((prospect.firstName() == null ? "" : prospect.firstName()) + " "
                + (prospect.lastName() == null ? "" : prospect.lastName())).trim();
        List<String> references = message.referencesHeader() == null ? List.of()
                : List.of(message.referencesHeader().split(" "));
        return new OutgoingEmail(message.messageIdHeader(), context.mailbox().emailAddress(),
                context.mailbox().displayName(), prospect.email(), name.isEmpty() ? null : name, message.subject(),
                message.bodyText(), html, message.inReplyTo(), references,
                links.unsubscribeUrl(message.enrollmentId(), message.stepId()),
                links.unsubscribeMailto(context.mailbox().emailAddress(), message.enrollmentId(), message.stepId()));
    }

    /** "Re: " once, whatever prefixes the first subject already had. */
    static String reply(String subject) {
        String bare = subject == null ? "" : subject.replaceFirst("(?i)^\\s*((re|aw|tr|fwd?)\\s*:\\s*)+", "");
        return "Re: " + bare;
    }

    private static Long variantId(Variant variant) {
        return variant == null ? null : variant.id();
    }

    private static Long versionId(Variant variant) {
        return variant == null ? null : variant.templateVersionId();
    }
}
