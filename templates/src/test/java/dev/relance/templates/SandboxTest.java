package dev.relance.templates;

import static dev.relance.templates.Emails.html;
import static dev.relance.templates.Emails.preview;
import static dev.relance.templates.Emails.render;
import static dev.relance.templates.Emails.text;
import static dev.relance.templates.Recipients.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Templates reach nothing but their variables, and cannot run away with the sender. */
class SandboxTest {

    private static final TemplateEngine ENGINE = Emails.ENGINE;

    private static List<TemplateProblem> problems(String body) {
        return ENGINE.validate(new EmailTemplateSource("Hi", null, body), true, TemplateSchema.lenient(), SnippetSource.NONE);
    }

    @Test
    void spring_expression_syntax_is_inert_text() {
        assertThat(render(text("Hi", "${T(java.lang.Runtime).getRuntime()}"), aProspect()).text())
                .isEqualTo("${T(java.lang.Runtime).getRuntime()}");
    }

    @Test
    void freemarker_syntax_is_inert_and_escaped_in_html() {
        String probe = "<#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"id\")}";
        assertThat(render(text("Hi", probe), aProspect()).text()).isEqualTo(probe);
        var rendered = render(html("Hi", "<p>" + probe + "</p>"), aProspect());
        assertThat(rendered.html()).doesNotContain("<#assign").startsWith("<p>&lt;#assign x=");
    }

    @Test
    void env_and_system_probes_are_unknown_variables_and_preview_prints_nothing() {
        assertThat(problems("{{ env }} {{ system }}")).extracting(TemplateProblem::message)
                .containsExactly("unknown variable env", "unknown variable system");
        var lenient = new TemplateEngine(TemplateLimits.DEFAULTS, "");
        assertThat(lenient.validate(new EmailTemplateSource("Hi", null, "{{ java.lang.System }}"), true,
                TemplateSchema.lenient(), SnippetSource.NONE)).isNotEmpty();
    }

    @Test
    void a_class_filter_does_not_exist() {
        assertThat(problems("{{ '' | class }}")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no filter available named: class"));
    }

    @Test
    void liquid_has_no_arithmetic_operator_so_seven_times_seven_is_a_syntax_error() {
        assertThat(problems("{{ 7*7 }}")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void include_is_refused_at_validation_and_at_render() {
        assertThat(problems("{% include '/etc/passwd' %}")).extracting(TemplateProblem::message)
                .singleElement().asString().startsWith("include is not available");
        assertThat(problems("{% include_relative '/etc/passwd' %}")).isNotEmpty();
        assertThatThrownBy(() -> text("Hi", "{% include '/etc/passwd' %}")).isInstanceOf(TemplateInvalidException.class);
    }

    @Test
    void reserved_names_cannot_be_used_by_templates() {
        assertThat(problems("{{ __render }} {{ first_name | __html }} {{ __spin0 }}")).extracting(TemplateProblem::message)
                .contains("filter __html is reserved", "unknown variable __render", "unknown variable __spin0");
    }

    @Test
    void java_objects_in_the_variables_are_opaque() {
        var email = text("Hi", "[{{ custom.thing.secret }}{{ custom.thing.class.name }}]");
        var rendered = preview(email, aProspect().withCustom("thing", new Secretive()));
        assertThat(rendered.text()).isEqualTo("[]");
    }

    @Test
    void an_endless_loop_is_stopped_by_the_iteration_limit() {
        var email = text("Hi", "{% for i in (1..100000000) %}x{% endfor %}");
        assertThatThrownBy(() -> render(email, aProspect())).isInstanceOfSatisfying(TemplateRenderException.class, e -> {
            assertThat(e.reason()).isEqualTo(TemplateRenderException.Reason.ITERATION_LIMIT);
            assertThat(e.getMessage()).contains("maxIterations");
        });
    }

    @Test
    void a_huge_output_is_stopped_by_the_output_limit() {
        var email = text("Hi", "{% for i in (1..9000) %}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{% endfor %}");
        assertThatThrownBy(() -> render(email, aProspect())).isInstanceOfSatisfying(TemplateRenderException.class, e -> {
            assertThat(e.reason()).isEqualTo(TemplateRenderException.Reason.OUTPUT_LIMIT);
            assertThat(e.getMessage()).contains("maxOutputChars");
        });
    }

    @Test
    void a_string_doubled_in_a_loop_is_stopped_before_it_exhausts_memory() {
        var email = text("Hi", "{% assign s = 'ab' %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}");
        assertThatThrownBy(() -> render(email, aProspect())).isInstanceOfSatisfying(TemplateRenderException.class,
                e -> assertThat(e.reason()).isEqualTo(TemplateRenderException.Reason.OUTPUT_LIMIT));
    }

    @Test
    void limits_are_configurable() {
        var small = TemplateEngine.builder().footer("").limits(TemplateLimits.defaults().withMaxIterations(5)).build();
        var email = small.compile(new EmailTemplateSource("Hi", null, "{% for i in (1..6) %}x{% endfor %}"), true,
                SnippetSource.NONE);
        assertThatThrownBy(() -> small.render(email, aProspect().build())).isInstanceOf(TemplateRenderException.class);
    }

    /** A Java object with a getter a template must never reach. */
    public static final class Secretive {

        public String getSecret() {
            return "s3cret";
        }

        @Override
        public String toString() {
            return "";
        }
    }
}
