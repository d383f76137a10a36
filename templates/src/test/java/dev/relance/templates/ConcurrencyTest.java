package dev.relance.templates;

import static dev.relance.templates.Recipients.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** A compiled email is rendered by many threads at once, each getting what it would get alone. */
class ConcurrencyTest {

    private static final String BODY = "<p>{Hi|Hello} {{ first_name }}</p>{% assign i = custom.pick %}"
            + "<p>{{ custom.tools[i] }} {% for t in custom.tools %}{{ forloop.index }}{% endfor %}</p>";

    @Test
    void one_compiled_email_renders_the_same_on_many_threads_as_on_one() throws Exception {
        var email = Emails.html("{{ first_name }}", BODY);
        List<RenderContext> contexts = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            contexts.add(aProspect().named("P" + n).seed(n).withCustom("pick", n % 3)
                    .withCustom("tools", List.of("a" + n, "b" + n, "c" + n)).build());
        }
        List<RenderedEmail> expected = contexts.stream().map(c -> Emails.ENGINE.render(email, c)).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<RenderedEmail>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (RenderContext c : contexts) {
                    futures.add(pool.submit(() -> Emails.ENGINE.render(email, c)));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                assertThat(futures.get(k).get()).isEqualTo(expected.get(k % contexts.size()));
            }
        }
    }

    @Test
    void the_guarded_path_renders_the_same_as_the_fast_path() {
        var guarded = TemplateEngine.builder().footer("").guardedRenderTime(Duration.ofSeconds(5)).build();
        var source = new EmailTemplateSource("{{ first_name }}", BODY, null);
        var context = aProspect().seed(3).withCustom("pick", 1).withCustom("tools", List.of("x", "y")).build();
        assertThat(guarded.render(guarded.compile(source, true, SnippetSource.NONE), context))
                .isEqualTo(Emails.ENGINE.render(Emails.ENGINE.compile(source, true, SnippetSource.NONE), context));
    }
}
