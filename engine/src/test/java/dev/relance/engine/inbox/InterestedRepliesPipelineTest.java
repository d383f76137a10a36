package dev.relance.engine.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.dispatch.DispatchTest;
import dev.relance.engine.enrollment.Enrollment;
import dev.relance.engine.pipeline.Opportunity;
import dev.relance.engine.pipeline.OpportunityDraft;
import dev.relance.engine.pipeline.OpportunityFilter;
import dev.relance.engine.pipeline.OpportunityService;
import dev.relance.engine.pipeline.StageCategory;
import dev.relance.engine.pipeline.StageTransition;
import dev.relance.engine.prospect.AccountDraft;
import dev.relance.engine.prospect.AccountService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.support.PageRequest;

/**
 * Interested replies read over IMAP feed the pipeline: one open opportunity per account, created at
 * SAL with the answered email's attribution, advanced but never duplicated nor moved back.
 */
@DispatchTest
class InterestedRepliesPipelineTest extends InboxTestBase {

    private static final String INTERESTED = "Sounds good, let's book a call on Thursday.";

    @Autowired
    OpportunityService opportunities;
    @Autowired
    AccountService accounts;

    @Test
    void an_interested_reply_creates_one_opportunity_at_sal_credited_to_the_email_answered() throws Exception {
        long account = account("keen-buyers.test");
        Sequence sequence = twoEmails(rules(true, false));
        Enrollment enrollment = enroll(sequence, prospectAt("ivy@keen-buyers.test", account), mailbox);
        String sent = firstEmailSent(enrollment);

        deliver(reply("ivy@keen-buyers.test", "Re: " + SUBJECT, sent, INTERESTED));
        poller.poll(mailbox.id());

        List<Opportunity> ofAccount = ofAccount(account);
        assertThat(ofAccount).hasSize(1);
        Opportunity opportunity = ofAccount.getFirst();
        Map<String, Object> message = jdbc.sql("SELECT id, step_id, variant_id FROM message WHERE enrollment_id = :e")
                .param("e", enrollment.id()).query().singleRow();
        assertThat(opportunity.stage()).isEqualTo("SAL");
        assertThat(opportunity.name()).isEqualTo("Keen-buyers.test Inc");
        assertThat(opportunity.prospectId()).isEqualTo(enrollment.prospectId());
        assertThat(opportunity.ownerId()).isEqualTo(sdr.id());
        assertThat(opportunity.source().sequenceId()).isEqualTo(sequence.id());
        assertThat(opportunity.source().stepId()).isEqualTo(message.get("step_id"));
        assertThat(opportunity.source().variantId()).isEqualTo(message.get("variant_id")).isNotNull();
        assertThat(opportunity.source().mailboxId()).isEqualTo(mailbox.id());
        assertThat(opportunity.source().ownerId()).isEqualTo(sdr.id());
        assertThat(opportunity.source().messageId()).isEqualTo(message.get("id"));
        List<StageTransition> history = opportunities.history(opportunity.id());
        assertThat(history).singleElement().satisfies(t -> {
            assertThat(t.fromStage()).isNull();
            assertThat(t.toStage()).isEqualTo("SAL");
            assertThat(t.changedBy()).isNull();
            assertThat(t.reason()).isEqualTo("interested reply");
        });
        assertThat(stageChangedEvents(opportunity)).containsExactly("null->SAL");
    }

    @Test
    void a_colleague_s_interested_reply_keeps_the_same_opportunity_and_never_moves_it_back() throws Exception {
        long account = account("two-keen.test");
        Sequence sequence = twoEmails(rules(true, false));
        Enrollment first = enroll(sequence, prospectAt("jay@two-keen.test", account), mailbox);
        Enrollment second = enroll(sequence, prospectAt("kim@two-keen.test", account), mailbox);
        dispatcher.runDueWork();
        String toFirst = sentTo(first);
        String toSecond = sentTo(second);

        deliver(reply("jay@two-keen.test", "Re: " + SUBJECT, toFirst, INTERESTED));
        poller.poll(mailbox.id());
        Opportunity created = ofAccount(account).getFirst();
        opportunities.move(created.id(), "SQL", "discovery call done", sdr.id());

        deliver(reply("kim@two-keen.test", "Re: " + SUBJECT, toSecond, INTERESTED));
        poller.poll(mailbox.id());

        assertThat(ofAccount(account)).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(created.id());
            assertThat(o.stage()).isEqualTo("SQL");
        });
        assertThat(opportunities.history(created.id())).extracting(StageTransition::toStage).containsExactly("SAL", "SQL");
    }

    @Test
    void an_interested_reply_advances_an_earlier_open_opportunity_of_the_account() throws Exception {
        long account = account("early.test");
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospectAt("lou@early.test", account), mailbox);
        Opportunity inquiry = opportunities.create(new OpportunityDraft("Early Inc", account, null, "INQUIRY", "1200.50",
                "EUR", null, sdr.id(), "IT", null, null, null, null, null), sdr.id());
        String sent = firstEmailSent(enrollment);

        deliver(reply("lou@early.test", "Re: " + SUBJECT, sent, INTERESTED));
        poller.poll(mailbox.id());

        assertThat(ofAccount(account)).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(inquiry.id());
            assertThat(o.stage()).isEqualTo("SAL");
            assertThat(o.amount()).isEqualTo("1200.50");
        });
        assertThat(stageChangedEvents(inquiry)).containsExactly("null->INQUIRY", "INQUIRY->SAL");
    }

    @Test
    void a_prospect_without_an_account_gets_an_opportunity_of_its_own() throws Exception {
        Prospect freeMail = prospect("max.keen@gmail.com");
        assertThat(freeMail.accountId()).isNull();
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), freeMail, mailbox);
        String sent = firstEmailSent(enrollment);

        deliver(reply("max.keen@gmail.com", "Re: " + SUBJECT, sent, INTERESTED));
        poller.poll(mailbox.id());

        List<Opportunity> own = opportunities.list(PageRequest.first(10),
                new OpportunityFilter(null, null, freeMail.id(), null, null, null)).items();
        assertThat(own).singleElement().satisfies(o -> {
            assertThat(o.accountId()).isNull();
            assertThat(o.name()).isEqualTo("max.keen@gmail.com");
            assertThat(o.stage()).isEqualTo("SAL");
        });
    }

    @Test
    void a_reply_qualified_by_hand_then_disqualified_ends_closed_lost_with_the_reason() throws Exception {
        long account = account("maybe.test");
        Enrollment enrollment = enroll(twoEmails(rules(true, false)), prospectAt("ned@maybe.test", account), mailbox);
        String sent = firstEmailSent(enrollment);
        deliver(reply("ned@maybe.test", "Re: " + SUBJECT, sent, "Who are you and what is this about?"));
        poller.poll(mailbox.id());
        InboundMessage inbound = latestInbound();
        assertThat(ofAccount(account)).isEmpty();

        Opportunity qualified = opportunities.qualifyReply(inbound.matchedMessageId(), inbound.prospectId(), "SQL",
                sdr.id());
        assertThat(qualified.stage()).isEqualTo("SQL");
        Opportunity lost = opportunities.disqualifyReply(inbound.matchedMessageId(), "no budget this year", sdr.id());

        assertThat(lost.id()).isEqualTo(qualified.id());
        assertThat(lost.stage()).isEqualTo("CLOSED_LOST");
        assertThat(lost.category()).isEqualTo(StageCategory.LOST);
        assertThat(lost.closedAt()).isEqualTo(clock.instant());
        assertThat(opportunities.history(lost.id())).extracting(StageTransition::toStage, StageTransition::reason,
                StageTransition::changedBy).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SQL", "reply qualified by hand", sdr.id()),
                        org.assertj.core.groups.Tuple.tuple("CLOSED_LOST", "disqualified: no budget this year", sdr.id()));
    }

    private long account(String domain) {
        String name = Character.toUpperCase(domain.charAt(0)) + domain.substring(1) + " Inc";
        return accounts.create(new AccountDraft(domain, name, null, null, null, Map.of(), null)).id();
    }

    private Prospect prospectAt(String email, long account) {
        return prospects.create(new ProspectDraft(email, "Pat", null, null, null, null, "Europe/Paris", "fr-FR", "FR",
                null, Map.of(), sdr.id(), account, null));
    }

    private String sentTo(Enrollment enrollment) {
        return jdbc.sql("SELECT message_id_header FROM message WHERE enrollment_id = :e")
                .param("e", enrollment.id()).query(String.class).single();
    }

    private List<Opportunity> ofAccount(long account) {
        return opportunities.list(PageRequest.first(10), new OpportunityFilter(null, account, null, null, null, null))
                .items();
    }

    private List<String> stageChangedEvents(Opportunity opportunity) {
        return jdbc.sql("""
                SELECT COALESCE(data ->> 'from', 'null') || '->' || (data ->> 'to') AS change
                  FROM event WHERE type = 'STAGE_CHANGED' AND CAST(data ->> 'opportunityId' AS bigint) = :id
                 ORDER BY id
                """).param("id", opportunity.id())
                .query(String.class).list();
    }
}
