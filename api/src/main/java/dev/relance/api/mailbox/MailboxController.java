package dev.relance.api.mailbox;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.Created;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxDraft;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.MailboxStatus;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import jakarta.validation.constraints.Size;

/** Sending mailboxes (written by ADMIN; read by ADMIN, MANAGER and SDR). Passwords are write-only. */
@RestController
@RequestMapping("/api/v1/mailboxes")
class MailboxController {

    private final MailboxService mailboxes;

    MailboxController(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    @PostMapping
    ResponseEntity<Mailbox> create(@RequestBody @Validated MailboxDraft draft) {
        Mailbox mailbox = mailboxes.create(draft);
        return Created.at(mailbox.id(), mailbox);
    }

    @GetMapping
    Page<Mailbox> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long ownerId, @RequestParam(required = false) MailboxStatus status) {
        return mailboxes.list(PageRequest.of(limit, cursor), ownerId, status);
    }

    @GetMapping("/{id}")
    Mailbox get(@PathVariable long id) {
        return mailboxes.get(id);
    }

    @PutMapping("/{id}")
    Mailbox replace(@PathVariable long id, @RequestBody @Validated MailboxDraft draft) {
        return mailboxes.replace(id, draft);
    }

    /** @param reason optional note shown with the status */
    record StatusChange(@Size(max = 500) String reason) {
    }

    @PostMapping("/{id}/pause")
    Mailbox pause(@PathVariable long id, @RequestBody(required = false) @Validated StatusChange change) {
        return mailboxes.changeStatus(id, MailboxStatus.PAUSED, change == null ? "paused by an admin" : change.reason());
    }

    @PostMapping("/{id}/resume")
    Mailbox resume(@PathVariable long id) {
        return mailboxes.changeStatus(id, MailboxStatus.ACTIVE, null);
    }

    /** Retires a mailbox for good: it never sends again, and stays for the history of its messages. */
    @PostMapping("/{id}/disable")
    Mailbox disable(@PathVariable long id, @RequestBody(required = false) @Validated StatusChange change) {
        return mailboxes.changeStatus(id, MailboxStatus.DISABLED, change == null ? "disabled by an admin" : change.reason());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        mailboxes.delete(id);
        return ResponseEntity.noContent().build();
    }
}
