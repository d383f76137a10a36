package dev.relance.api.inbox;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.security.RelanceUser;
import dev.relance.engine.inbox.InboundFilter;
import dev.relance.engine.inbox.InboundMessage;
import dev.relance.engine.inbox.InboundStatus;
import dev.relance.engine.inbox.InboxService;
import dev.relance.engine.inbox.classify.InboundVerdict;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.user.Role;

/**
 * What came back to the mailboxes: every message read, the review list of those tied to none of our
 * messages ({@code status=UNMATCHED} or {@code UNREADABLE}), and the classifier's verdict on any raw
 * message, explained (for support, and to try mail no one here wrote).
 */
@RestController
@RequestMapping("/api/v1/inbound")
class InboundController {

    static final String RFC822 = "message/rfc822";

    private final InboxService inbox;

    InboundController(InboxService inbox) {
        this.inbox = inbox;
    }

    /** The verdict on a raw message sent as the body ({@code message/rfc822}); nothing is recorded. */
    @PostMapping(path = "/classify", consumes = {RFC822, MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    InboundVerdict classify(@RequestBody(required = false) byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new InvalidInputException("body", "must be a raw email (message/rfc822)");
        }
        return inbox.classify(raw);
    }

    /** SDRs see what came to their own mailboxes only. */
    @GetMapping
    Page<InboundMessage> list(@AuthenticationPrincipal RelanceUser me, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) InboundStatus status,
            @RequestParam(required = false) Long mailboxId) {
        return inbox.list(PageRequest.of(limit, cursor), new InboundFilter(status, mailboxId, me.visibleOwner(null)));
    }

    @GetMapping("/{id}")
    InboundMessage get(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        return visible(me, id);
    }

    /** The message exactly as it was received. */
    @GetMapping("/{id}/raw")
    ResponseEntity<byte[]> raw(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        visible(me, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(RFC822))
                .header("Content-Disposition", "attachment; filename=\"inbound-" + id + ".eml\"").body(inbox.raw(id));
    }

    /** Takes a message off the review list. */
    @PostMapping("/{id}/reviewed")
    InboundMessage reviewed(@AuthenticationPrincipal RelanceUser me, @PathVariable long id) {
        visible(me, id);
        return inbox.markReviewed(id);
    }

    // Another SDR's mail answers 404, as if it did not exist.
    private InboundMessage visible(RelanceUser me, long id) {
        InboundMessage message = inbox.get(id);
        if (me.is(Role.SDR) && (message.mailboxOwnerId() == null || !me.maySee(message.mailboxOwnerId()))) {
            throw new NotFoundException("inbound message", id);
        }
        return message;
    }
}
