package dev.relance.api.pipeline;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.security.RelanceUser;
import dev.relance.engine.inbox.InboundMessage;
import dev.relance.engine.inbox.InboxService;
import dev.relance.engine.pipeline.Opportunity;
import dev.relance.engine.pipeline.OpportunityService;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.user.Role;
import jakarta.validation.constraints.Size;

/**
 * A person's verdict on a reply: qualify it (the same path as an interested reply, at a stage of their
 * choosing) or disqualify it (the opportunity it made goes to Closed Lost, with the reason). SDRs act
 * on their own mailboxes' mail only.
 */
@RestController
@RequestMapping("/api/v1/inbound/{id}")
class ReplyQualificationController {

    private final InboxService inbox;
    private final OpportunityService opportunities;

    ReplyQualificationController(InboxService inbox, OpportunityService opportunities) {
        this.inbox = inbox;
        this.opportunities = opportunities;
    }

    /** @param stage an OPEN stage's key; default {@code relance.pipeline.qualified-reply-stage} */
    record Qualify(@Size(max = 40) String stage) {
    }

    /** @param reason why the reply is not qualified, kept in the stage history */
    record Disqualify(@Size(max = 500) String reason) {
    }

    @PostMapping("/qualify")
    Opportunity qualify(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody(required = false) @Validated Qualify qualify) {
        InboundMessage message = visible(me, id);
        if (message.prospectId() == null) {
            throw new ConflictException("no-prospect", "inbound message " + id
                    + " is tied to no prospect, so there is no one to qualify");
        }
        return opportunities.qualifyReply(message.matchedMessageId(), message.prospectId(),
                qualify == null ? null : qualify.stage(), me.id());
    }

    @PostMapping("/disqualify")
    Opportunity disqualify(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody(required = false) @Validated Disqualify disqualify) {
        InboundMessage message = visible(me, id);
        if (message.matchedMessageId() == null) {
            throw new ConflictException("no-opportunity", "inbound message " + id
                    + " answers none of our messages and made no opportunity");
        }
        return opportunities.disqualifyReply(message.matchedMessageId(), disqualify == null ? null
                : disqualify.reason(), me.id());
    }

    // Another SDR's mail answers 404, as in the inbound API.
    private InboundMessage visible(RelanceUser me, long id) {
        InboundMessage message = inbox.get(id);
        if (me.is(Role.SDR) && (message.mailboxOwnerId() == null || !me.maySee(message.mailboxOwnerId()))) {
            throw new NotFoundException("inbound message", id);
        }
        return message;
    }
}
