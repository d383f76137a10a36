package dev.relance.engine.template;

import static dev.relance.engine.testing.Drafts.aMailbox;
import static dev.relance.engine.testing.Drafts.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.EngineTest;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.prospect.AccountService;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectDraft;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.testing.MutableClock;
import dev.relance.templates.EmailTemplateSource;
import dev.relance.templates.MissingVariablesException;
import dev.relance.templates.RenderedEmail;

@EngineTest
class TemplateServiceTest {

    @Autowired
    TemplateService templates;
    @Autowired
    SnippetService snippets;
    @Autowired
    PreviewService previews;
    @Autowired
    ProspectService prospects;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MutableClock clock;

    Mailbox sender;

    @BeforeEach
    void aSender() {
        sender = mailboxes.create(aMailbox(null));
    }

    @Test
    void revising_a_template_adds_a_version_and_keeps_the_old_one_unchanged() {
        long id = templates.createTemplate("t", new EmailTemplateSource("Hello", null, "Hi {{ first_name | default: 'there' }}"), null);
        TemplateVersion first = templates.versions(id).getFirst();

        TemplateVersion second = templates.revise(id, new EmailTemplateSource("Hello again", null, "Hi"), null);

        assertThat(second.version()).isEqualTo(2);
        assertThat(templates.versions(id)).extracting(TemplateVersion::version).containsExactly(2, 1);
        assertThat(templates.version(first.id()).subject()).isEqualTo("Hello");
    }

    @Test
    void a_revision_with_a_syntax_error_is_refused_and_writes_nothing() {
        long id = templates.createTemplate("t", new EmailTemplateSource("Hello", null, "Hi"), null);
        assertThatThrownBy(() -> templates.revise(id, new EmailTemplateSource("Hello", null, "{% if x %}never closed"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(templates.versions(id)).hasSize(1);
    }

    @Test
    void an_unknown_custom_field_is_a_warning_until_a_prospect_has_it() {
        EmailTemplateSource source = new EmailTemplateSource("Hi", null, "About {{ custom.fleet_size | default: 'your fleet' }}");
        assertThat(templates.problems(source, true)).anySatisfy(p -> assertThat(TemplateProblems.isWarning(p)).isTrue());
        assertThat(templates.errors(source, true)).isEmpty();

        prospects.create(aProspect().withCustomFields(Map.of("fleet_size", 40)).build());
        assertThat(templates.problems(source, true)).isEmpty();
    }

    @Test
    void an_unknown_variable_is_an_error() {
        assertThat(templates.errors(new EmailTemplateSource("Hi {{ frist_name }}", null, "body"), true)).isNotEmpty();
    }

    @Test
    void a_snippet_is_included_by_name_and_editing_it_makes_a_new_version() {
        Snippet ps = snippets.create(new SnippetDraft("ps_case_study", "PS", "PS: see how Acme doubled replies."), null);
        Snippet edited = snippets.replace(ps.id(), new SnippetDraft("ps_case_study", "PS", "PS: see how Acme tripled replies."), null);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(snippets.versions(ps.id())).extracting(Snippet::version).containsExactly(2, 1);

        RenderedEmail email = render("Hello", "Hi {{ first_name }},\n\n{% snippet \"ps_case_study\" %}", aProspect().build());
        assertThat(email.text()).contains("PS: see how Acme tripled replies.");
    }

    @Test
    void a_snippet_that_includes_itself_or_a_missing_one_is_refused() {
        assertThatThrownBy(() -> snippets.create(new SnippetDraft("loop", null, "again {% snippet \"loop\" %}"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> snippets.create(new SnippetDraft("dangling", null, "{% snippet \"nowhere\" %}"), null))
                .isInstanceOf(InvalidInputException.class);
        snippets.create(new SnippetDraft("unique_name", null, "x"), null);
        assertThatThrownBy(() -> snippets.create(new SnippetDraft("unique_name", null, "y"), null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_stored_version_renders_strictly_for_a_recipient_in_their_zone_and_language() {
        clock.set(Instant.parse("2026-03-03T10:00:00Z"));
        Prospect camille = prospects.create(new ProspectDraft("camille@exemple-fr.test", "Camille", "Durand", null, null, null,
                "Europe/Paris", "fr-FR", "FR", null, Map.of(), null, null, "Exemple"));
        long id = templates.createTemplate("t", new EmailTemplateSource("Bonjour {{ first_name }}", null,
                "On se parle {{ 'now' | date: '%A' }} ?"), null);
        long versionId = templates.versions(id).getFirst().id();

        RenderedEmail email = templates.render(versionId, recipient(camille));

        assertThat(email.subject()).isEqualTo("Bonjour Camille");
        assertThat(email.text()).contains("On se parle mardi ?");
    }

    @Test
    void a_missing_variable_without_fallback_stops_the_message_but_only_warns_in_preview() {
        Prospect nameless = prospects.create(aProspect().build());
        Prospect withoutName = prospects.create(new ProspectDraft("noname@nameless.test", null, null, null, null, null,
                "Europe/London", "en-GB", "GB", null, Map.of(), null, null, null));
        long id = templates.createTemplate("t", new EmailTemplateSource("Hi {{ first_name }}", null, "Hello"), null);
        long versionId = templates.versions(id).getFirst().id();

        assertThat(templates.render(versionId, recipient(nameless)).subject()).isEqualTo("Hi Ada");
        assertThatThrownBy(() -> templates.render(versionId, recipient(withoutName)))
                .isInstanceOfSatisfying(MissingVariablesException.class,
                        e -> assertThat(e.variables()).containsExactly("first_name"));

        RenderedEmail preview = previews.preview(new PreviewRequest(null, null, null, versionId, null, withoutName.id(), null,
                sender.id(), null), 0L);
        assertThat(preview.warnings()).anySatisfy(w -> assertThat(w).contains("first_name"));
    }

    @Test
    void a_preview_with_an_inline_sample_needs_no_stored_prospect() {
        RenderedEmail preview = previews.preview(new PreviewRequest("Hi {{ first_name }}", null,
                "{{ account.name | default: 'your team' }}", null, null, null,
                Map.of("first_name", "Grace", "account", Map.of("name", "Example Cloud")), sender.id(), 7L), 0L);
        assertThat(preview.subject()).isEqualTo("Hi Grace");
        assertThat(preview.text()).contains("Example Cloud");
    }

    @Test
    void the_same_seed_always_picks_the_same_spintax_words() {
        long id = templates.createTemplate("t", new EmailTemplateSource("{Hi|Hello|Hey|Howdy|Greetings} {{ first_name }}", null,
                "body"), null);
        long versionId = templates.versions(id).getFirst().id();
        Prospect ada = prospects.create(aProspect().build());
        String first = templates.render(versionId, recipient(ada, 42)).subject();
        for (int i = 0; i < 5; i++) {
            assertThat(templates.render(versionId, recipient(ada, 42)).subject()).isEqualTo(first);
        }
        List<String> variety = java.util.stream.LongStream.range(0, 40)
                .mapToObj(seed -> templates.render(versionId, recipient(ada, seed)).subject()).distinct().toList();
        assertThat(variety).hasSizeGreaterThan(1);
    }

    private RenderedEmail render(String subject, String body, ProspectDraft draft) {
        Prospect prospect = prospects.create(draft);
        long id = templates.createTemplate("t", new EmailTemplateSource(subject, null, body), null);
        return templates.render(templates.versions(id).getFirst().id(), recipient(prospect));
    }

    private Recipient recipient(Prospect prospect) {
        return recipient(prospect, prospect.id());
    }

    private Recipient recipient(Prospect prospect, long seed) {
        var account = prospect.accountId() == null ? null : accounts.get(prospect.accountId());
        return new Recipient(prospect, account, sender, seed, "https://relance.test/u/token");
    }
}
