package dev.relance.api.demo;

import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.api.embedded.SandboxProperties;
import dev.relance.engine.enrollment.EnrollmentRequest;
import dev.relance.engine.enrollment.EnrollmentService;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxDraft;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.ServerDraft;
import dev.relance.engine.mailbox.TransportSecurity;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserDraft;
import dev.relance.engine.user.UserService;

/**
 * On the very first start (no user at all), writes the demo: an admin, a demo SDR owning the
 * sandbox mailbox, a demo sequence and demo prospects, two of them enrolled. The generated
 * passwords are printed once, now, and never again.
 */
@Component
@ConditionalOnProperty(name = "relance.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserService users;
    private final MailboxService mailboxes;
    private final ProspectService prospects;
    private final SequenceService sequences;
    private final EnrollmentService enrollments;
    private final DemoProperties demo;
    private final SandboxProperties sandbox;
    private final SecureRandom random = new SecureRandom();

    DemoDataSeeder(UserService users, MailboxService mailboxes, ProspectService prospects, SequenceService sequences,
            EnrollmentService enrollments, DemoProperties demo, SandboxProperties sandbox) {
        this.users = users;
        this.mailboxes = mailboxes;
        this.prospects = prospects;
        this.sequences = sequences;
        this.enrollments = enrollments;
        this.demo = demo;
        this.sandbox = sandbox;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String adminPassword = demo.adminPassword() == null || demo.adminPassword().isBlank()
                ? generatedPassword() : demo.adminPassword();
        String sdrPassword = generatedPassword();
        users.create(new UserDraft("admin", "admin@relance.local", "Admin", Role.ADMIN, adminPassword, true));
        User sdr = users.create(new UserDraft("sdr", "sdr@relance.local", "Sam Demo", Role.SDR, sdrPassword, true));
        Mailbox mailbox = mailboxes.create(sandboxMailbox(sdr.id()));
        Sequence sequence = sequences.create(DemoSequence.draft(sdr.id()), sdr.id());
        List<Prospect> demoProspects = DemoProspects.drafts(sdr.id()).stream().map(prospects::create).toList();
        for (Prospect prospect : demoProspects.subList(0, 2)) {
            enrollments.enroll(new EnrollmentRequest(sequence.id(), prospect.id(), mailbox.id(), null), sdr.id(), sdr.id());
        }
        printCredentials(adminPassword, sdrPassword);
    }

    private MailboxDraft sandboxMailbox(long ownerId) {
        ServerDraft smtp = new ServerDraft(sandbox.host(), sandbox.smtpPort(), TransportSecurity.NONE, sandbox.address(),
                sandbox.password());
        ServerDraft imap = new ServerDraft(sandbox.host(), sandbox.imapPort(), TransportSecurity.NONE, sandbox.address(),
                sandbox.password());
        return new MailboxDraft(sandbox.address(), "Sam Demo", "<p>Sam Demo · Relance sandbox</p>", ownerId, smtp, imap,
                null, null, null, null, "Europe/Paris");
    }

    private String generatedPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Printed to the console once, at the first start: they are stored hashed and cannot be shown again. */
    private static void printCredentials(String adminPassword, String sdrPassword) {
        String banner = """

                ================================================================
                 Relance demo data created. Save these now; they are not shown again.
                   admin / %s   (ADMIN)
                   sdr   / %s   (SDR, owns the sandbox mailbox)
                 Try: curl -u admin:%s http://localhost:8080/api/v1/sequences
                ================================================================
                """.formatted(adminPassword, sdrPassword, adminPassword);
        System.out.println(banner);
        log.info("Demo data created; credentials printed on the console");
    }
}
