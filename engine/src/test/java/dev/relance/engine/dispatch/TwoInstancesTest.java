package dev.relance.engine.dispatch;

import static dev.relance.engine.dispatch.Cadences.email;
import static dev.relance.engine.dispatch.Cadences.everyDay;
import static dev.relance.engine.dispatch.Cadences.greenMailMailbox;
import static dev.relance.engine.dispatch.Cadences.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.relance.engine.EngineTestApplication;
import dev.relance.engine.enrollment.BulkEnrollmentRequest;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;
import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserDraft;

/** Two engines on one database dispatch 2,000 due steps together: every step once, none twice. */
@DispatchTest
class TwoInstancesTest extends DispatchTestBase {

    private static final int PROSPECTS = 2_000;
    private static final int MAILBOXES = 20;

    @Autowired
    Environment environment;

    @Test
    void two_instances_on_one_database_send_each_of_2000_steps_exactly_once() throws Exception {
        jdbc.sql("UPDATE enrollment SET state = 'STOPPED' WHERE state IN ('ACTIVE', 'PAUSED', 'WAITING_TASK')").update();
        Instant start = Instant.parse("2026-03-03T09:00:00Z");
        clock.set(start);
        User sdr = users.create(new UserDraft("twins", "twins@relance.test", "Sam Seller", Role.SDR, "a-long-password", true));
        Sequence sequence = sequences.create(sequence(List.of(email(0, DelayUnit.MINUTES, ThreadMode.NEW_THREAD, "Hello",
                "Hi {{ first_name }}")), everyDay(), LocalTime.of(0, 0), LocalTime.of(23, 59), null), sdr.id());
        List<Long> prospectIds = new ArrayList<>();
        for (int i = 0; i < PROSPECTS; i++) {
            prospectIds.add(prospects.create(new ProspectDraft("p" + i + "@twins.test", "P" + i, null, null, null, null,
                    "Europe/Paris", "fr-FR", "FR", null, Map.of(), sdr.id(), null, null)).id());
        }
        for (int m = 0; m < MAILBOXES; m++) {
            Mailbox mailbox = mailboxes.create(greenMailMailbox(sdr.id(), greenMail.getSmtp().getPort(), null, 1000, 1000, 0));
            int per = PROSPECTS / MAILBOXES;
            enrollments.enrollAll(new BulkEnrollmentRequest(sequence.id(), prospectIds.subList(m * per, (m + 1) * per),
                    mailbox.id(), null), sdr.id(), sdr.id());
        }

        try (ConfigurableApplicationContext second = secondInstanceOnTheSameDatabase()) {
            second.getBean(MutableClock.class).set(start);
            Dispatcher other = second.getBean(Dispatcher.class);
            var threads = Executors.newVirtualThreadPerTaskExecutor();
            var mine = CompletableFuture.supplyAsync(dispatcher::runDueWork, threads);
            var theirs = CompletableFuture.supplyAsync(other::runDueWork, threads);
            int sent = mine.get().count(StepOutcome.SENT) + theirs.get().count(StepOutcome.SENT);

            assertThat(sent).isEqualTo(PROSPECTS);
            assertThat(mine.get().claimed()).as("both instances took a share").isPositive();
            assertThat(theirs.get().claimed()).as("both instances took a share").isPositive();
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(PROSPECTS);
        Set<String> recipients = new HashSet<>();
        for (MimeMessage message : received) {
            recipients.add(message.getAllRecipients()[0].toString());
        }
        assertThat(recipients).as("no prospect got two emails").hasSize(PROSPECTS);
    }

    private ConfigurableApplicationContext secondInstanceOnTheSameDatabase() {
        return new SpringApplicationBuilder(EngineTestApplication.class, TestClockConfiguration.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "--relance.encryption.key=" + environment.getProperty("relance.encryption.key"),
                        "--relance.dispatch.enabled=false", "--relance.inbox.enabled=false", "--spring.batch.job.enabled=false",
                        "--spring.batch.jdbc.initialize-schema=never", "--spring.main.allow-bean-definition-overriding=true");
    }
}
