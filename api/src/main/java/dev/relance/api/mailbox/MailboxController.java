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

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        mailboxes.delete(id);
        return ResponseEntity.noContent().build();
    }
}
