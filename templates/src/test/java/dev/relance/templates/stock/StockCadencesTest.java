package dev.relance.templates.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.relance.templates.EmailTemplateSource;
import dev.relance.templates.TemplateValidator;

class StockCadencesTest {

    private static final List<String> PROSPECTING = List.of("cold-calling-referral", "direct-value");
    private static final List<String> NURTURING = List.of("nurture");
    private static final List<String> LOCALES = List.of("en", "fr");
    private static final Pattern OUTPUT = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    static Stream<StockCadence> cadences() {
        return StockCadences.all().stream();
    }

    static Stream<StockStep> emailSteps() {
        return cadences().flatMap(cadence -> cadence.steps().stream()).filter(StockStep::isEmail);
    }

    @Test
    void every_cadence_is_written_in_english_and_in_french() {
        List<String> expected = Stream.concat(PROSPECTING.stream(), NURTURING.stream())
                .flatMap(key -> LOCALES.stream().map(locale -> key + "." + locale))
                .toList();
        assertThat(cadences().map(cadence -> cadence.key() + "." + cadence.locale()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void every_cadence_file_in_the_folder_is_listed_in_the_index() throws IOException, URISyntaxException {
        Path folder = Path.of(StockCadences.class.getResource("/dev/relance/templates/stock/index.txt").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".txt") && !name.equals("index.txt")))
                    .containsExactlyInAnyOrderElementsOf(cadences().map(c -> c.key() + "." + c.locale() + ".txt").toList());
        }
    }

    @Test
    void translations_keep_the_step_types_delays_and_thread_modes() {
        for (String key : Stream.concat(PROSPECTING.stream(), NURTURING.stream()).toList()) {
            List<String> english = structure(StockCadences.find(key, "en").orElseThrow());
            assertThat(structure(StockCadences.find(key, "fr").orElseThrow())).as(key).isEqualTo(english);
        }
    }

    @Test
    void prospecting_cadences_mix_channels_and_end_with_a_break_up_email() {
        for (String key : PROSPECTING) {
            for (String locale : LOCALES) {
                List<StockStep> steps = StockCadences.find(key, locale).orElseThrow().steps();
                assertThat(steps).as(key).hasSizeGreaterThanOrEqualTo(5);
                assertThat(steps).extracting(StockStep::type).as(key).contains("CALL", "LINKEDIN_CONNECT");
                assertThat(steps.getFirst().isEmail()).as(key + " starts with an email").isTrue();
                assertThat(steps.getLast().isEmail()).as(key + " ends with a break-up email").isTrue();
            }
        }
    }

    @Test
    void the_nurturing_sequence_is_slow_and_made_of_emails() {
        for (String locale : LOCALES) {
            List<StockStep> steps = StockCadences.find("nurture", locale).orElseThrow().steps();
            assertThat(steps).hasSizeGreaterThanOrEqualTo(3).allMatch(StockStep::isEmail);
            assertThat(steps.subList(1, steps.size())).allSatisfy(step -> assertThat(step.delayAmount()).isGreaterThanOrEqualTo(5));
        }
    }

    @ParameterizedTest
    @MethodSource("cadences")
    void the_first_step_starts_at_once_and_the_next_ones_wait_business_days(StockCadence cadence) {
        StockStep first = cadence.steps().getFirst();
        assertThat(first.delayAmount()).isZero();
        assertThat(cadence.steps().subList(1, cadence.steps().size())).allSatisfy(step -> {
            assertThat(step.delayUnit()).isEqualTo("BUSINESS_DAYS");
            assertThat(step.delayAmount()).isPositive();
        });
    }

    @ParameterizedTest
    @MethodSource("cadences")
    void replies_in_thread_follow_an_email_and_have_no_subject(StockCadence cadence) {
        boolean emailBefore = false;
        for (StockStep step : cadence.steps()) {
            if (step.repliesInThread()) {
                assertThat(emailBefore).as("an email comes before the reply").isTrue();
                assertThat(step.subject()).isNull();
            }
            emailBefore |= step.isEmail();
        }
    }

    @ParameterizedTest
    @MethodSource("cadences")
    void every_step_has_what_its_type_needs(StockCadence cadence) {
        assertThat(cadence.name()).isNotBlank();
        assertThat(cadence.description()).isNotBlank();
        for (StockStep step : cadence.steps()) {
            assertThat(StockStep.TYPES).contains(step.type());
            assertThat(StockStep.DELAY_UNITS).contains(step.delayUnit());
            assertThat(StockStep.THREAD_MODES).contains(step.threadMode());
            if (step.isEmail()) {
                assertThat(step.bodyText()).isNotBlank();
            } else {
                assertThat(step.note()).isNotBlank().hasSizeLessThanOrEqualTo(2000);
                assertThat(step.subject()).isNull();
                assertThat(step.bodyText()).isNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("emailSteps")
    void every_email_passes_the_template_validator(StockStep step) {
        var source = new EmailTemplateSource(step.subject(), null, step.bodyText());
        assertThat(new TemplateValidator().validate(source, !step.repliesInThread())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("emailSteps")
    void every_prospect_or_account_variable_has_a_fallback(StockStep step) {
        String liquid = (step.subject() == null ? "" : step.subject()) + "\n" + step.bodyText();
        Matcher output = OUTPUT.matcher(liquid);
        while (output.find()) {
            String expression = output.group(1).strip();
            if (!expression.startsWith("sender.")) {
                assertThat(expression).as("prints a fallback").contains("| default:");
            }
        }
        assertThat(liquid).doesNotContain("unsubscribe").doesNotContain("custom.");
    }

    @Test
    void prospecting_emails_are_short() {
        for (String key : PROSPECTING) {
            for (String locale : LOCALES) {
                for (StockStep step : StockCadences.find(key, locale).orElseThrow().steps()) {
                    if (step.isEmail()) {
                        assertThat(words(step.bodyText())).as(key + "." + locale + ": " + step.bodyText()).isBetween(20, 120);
                    }
                }
            }
        }
    }

    @Test
    void the_list_is_loaded_once_and_cannot_be_changed() {
        assertThat(StockCadences.all()).isSameAs(StockCadences.all());
        assertThatThrownBy(() -> StockCadences.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> StockCadences.all().getFirst().steps().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void find_falls_back_from_a_region_to_its_language_but_not_to_another_language() {
        assertThat(StockCadences.find("nurture", "fr-CA")).get().extracting(StockCadence::locale).isEqualTo("fr");
        assertThat(StockCadences.find("nurture", "en_GB")).get().extracting(StockCadence::locale).isEqualTo("en");
        assertThat(StockCadences.find("nurture", "de")).isEmpty();
        assertThat(StockCadences.find("no-such-cadence", "en")).isEmpty();
    }

    private static List<String> structure(StockCadence cadence) {
        return cadence.steps().stream()
                .map(step -> step.type() + " " + step.delayAmount() + " " + step.delayUnit() + " " + step.threadMode())
                .toList();
    }

    /** Words a reader sees: each Liquid output counts as one word. */
    private static int words(String body) {
        String text = OUTPUT.matcher(body).replaceAll("x").replaceAll("\\{([^{}|]*)\\|[^{}]*}", "$1");
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
