package dev.relance.api.bootstrap;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.relance.api.embedded.SandboxProperties;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxDraft;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.ServerDraft;
import dev.relance.engine.mailbox.TransportSecurity;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserDraft;
import dev.relance.engine.user.UserService;

/** The demo: an SDR owning the sandbox mailbox, the demo sequence, five prospects, two enrolled. */
@Component
class DemoData {

    private final UserService users;
    private final MailboxService mailboxes;
    private final ProspectService prospects;
    private final SequenceService sequences;
    private final EnrollmentService enrollments;
    private final SandboxProperties sandbox;

    DemoData(UserService users, MailboxService mailboxes, ProspectService prospects, SequenceService sequences,
            EnrollmentService enrollments, SandboxProperties sandbox) {
        this.users = users;
        this.mailboxes = mailboxes;
        this.prospects = prospects;
        this.sequences = sequences;
        this.enrollments = enrollments;
        this.sandbox = sandbox;
    }

    void create(String sdrPassword) {
        User sdr = users.create(new UserDraft("sdr", "sdr@relance.local", "Sam Demo", Role.SDR, sdrPassword, true));
        Mailbox mailbox = mailboxes.create(sandboxMailbox(sdr.id()));
        Sequence sequence = sequences.create(DemoSequence.draft(sdr.id()), sdr.id());
        List<Prospect> demoProspects = DemoProspects.drafts(sdr.id()).stream().map(prospects::create).toList();
        for (Prospect prospect : demoProspects.subList(0, 2)) {
            enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), mailbox.id(), null), sdr.id(), sdr.id());
        }
    }

    private MailboxDraft sandboxMailbox(long ownerId) {
        ServerDraft smtp = new ServerDraft(sandbox.host(), sandbox.smtpPort(), TransportSecurity.NONE, sandbox.address(),
                sandbox.password());
        ServerDraft imap = new ServerDraft(sandbox.host(), sandbox.imapPort(), TransportSecurity.NONE, sandbox.address(),
                sandbox.password());
        return new MailboxDraft(sandbox.address(), "Sam Demo", "<p>Sam Demo · Relance sandbox</p>", ownerId, smtp, imap,
                null, null, null, null, "Europe/Paris", "Relance Demo, 1 rue de la Paix, 75002 Paris, France");
    }
}
