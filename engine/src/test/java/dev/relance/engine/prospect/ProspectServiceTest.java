package dev.relance.engine.prospect;

import static dev.relance.engine.testing.Drafts.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.relance.engine.EngineTest;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;

@EngineTest
class ProspectServiceTest {

    @Autowired
    ProspectService prospects;
    @Autowired
    AccountService accounts;
    @Autowired
    SuppressionService suppressions;

    @Test
    void custom_field_keys_must_be_usable_in_templates_and_values_scalar() {
        assertThatThrownBy(() -> prospects.create(aProspect()
                .withCustomFields(Map.of("Bad Key", "x", "nested", Map.of("a", 1))).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("customFields.Bad Key", "customFields.nested"));
    }

    @Test
    void an_unknown_locale_or_time_zone_is_refused() {
        var draft = aProspect().inZone("Europe/Atlantis").build();
        assertThatThrownBy(() -> prospects.create(draft)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("timeZone"));
    }

    @Test
    void an_account_cannot_be_keyed_by_a_free_mail_domain() {
        assertThatThrownBy(() -> accounts.create(new AccountDraft("gmail.com", "Gmail", null, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("domain"));
    }

    @Test
    void a_company_name_given_with_the_prospect_names_its_new_account() {
        var draft = aProspect().withEmail("ceo@named-by-prospect.test").build();
        var named = new ProspectDraft(draft.email(), draft.firstName(), draft.lastName(), draft.title(), null, null,
                draft.timeZone(), draft.locale(), draft.country(), null, Map.of(), null, null, "Named Industries");
        Prospect prospect = prospects.create(named);
        assertThat(accounts.get(prospect.accountId()).name()).isEqualTo("Named Industries");
    }

    @Test
    void suppression_matches_an_address_whatever_its_case_and_a_whole_domain() {
        suppressions.create(new SuppressionDraft(SuppressionKind.ADDRESS, "Stop@Suppressed.test", null, null), null);
        suppressions.create(new SuppressionDraft(SuppressionKind.DOMAIN, "entire-domain.test", null, null), null);
        assertThat(suppressions.suppressing("stop@SUPPRESSED.test")).isPresent();
        assertThat(suppressions.suppressing("anyone@Entire-Domain.test")).isPresent();
        assertThat(suppressions.suppressing("fine@suppressed.test")).isEmpty();
        assertThat(List.of(suppressions.suppressing("stop@suppressed.test").orElseThrow().kind()))
                .containsExactly(SuppressionKind.ADDRESS);
    }
}
