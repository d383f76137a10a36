package dev.relance.templates.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.relance.templates.CompiledEmail;
import dev.relance.templates.EmailTemplateSource;
import dev.relance.templates.RenderContext;
import dev.relance.templates.RenderedEmail;
import dev.relance.templates.SnippetSource;
import dev.relance.templates.TemplateEngine;
import dev.relance.templates.TemplateSchema;

/** Every email of every stock cadence validates and renders strictly, for a full and a sparse prospect. */
class StockCadenceRenderingTest {

    private static final TemplateEngine ENGINE = new TemplateEngine();

    static Stream<Arguments> emails() {
        return StockCadences.all().stream().flatMap(cadence -> cadence.steps().stream().filter(StockStep::isEmail)
                .map(step -> Arguments.of(cadence.key() + "." + cadence.locale(), cadence.locale(), step)));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("emails")
    void each_stock_email_validates_and_renders_for_a_full_and_a_sparse_prospect(String name, String locale, StockStep step) {
        EmailTemplateSource source = new EmailTemplateSource(step.subject(), null, step.bodyText());
        boolean subjectRequired = !step.repliesInThread();
        assertThat(ENGINE.validate(source, subjectRequired, TemplateSchema.lenient(), SnippetSource.NONE)).isEmpty();
        CompiledEmail email = ENGINE.compile(source, subjectRequired, SnippetSource.NONE);

        for (Map<String, Object> prospect : java.util.List.of(full(locale), sparse(locale))) {
            RenderedEmail rendered = ENGINE.render(email, new RenderContext(prospect, ZoneId.of("Europe/Paris"),
                    Locale.forLanguageTag(locale), 42, Instant.parse("2026-03-03T09:00:00Z")));
            assertThat(rendered.text()).doesNotContain("{{", "{%", " ,", "Hi ,", "Bonjour ,");
            if (subjectRequired) {
                assertThat(rendered.subject()).isNotBlank().doesNotContain("{{");
            }
        }
    }

    private static Map<String, Object> full(String locale) {
        Map<String, Object> values = sparse(locale);
        values.put("first_name", locale.equals("fr") ? "Camille" : "Ada");
        values.put("last_name", "Durand");
        values.put("title", "Head of Sales");
        values.put("company", "Example Analytics");
        values.put("account", Map.of("name", "Example Analytics", "domain", "example.com", "industry", "Analytics"));
        return values;
    }

    private static Map<String, Object> sparse(String locale) {
        Map<String, Object> values = new HashMap<>();
        values.put("email", "someone@example.com");
        values.put("locale", locale);
        values.put("account", Map.of());
        values.put("custom", Map.of());
        values.put("sender", Map.of("first_name", "Sam", "last_name", "Seller", "name", "Sam Seller",
                "email", "sam@relance.test", "signature", "", "postal_address", "1 rue de la Paix, Paris"));
        values.put("unsubscribe_url", "https://relance.test/u/abc");
        return values;
    }
}
