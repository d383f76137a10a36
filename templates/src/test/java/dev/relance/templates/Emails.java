package dev.relance.templates;

/** Test fixture: compiles sources with an engine without footer unless one is asked for. */
final class Emails {

    static final TemplateEngine ENGINE = TemplateEngine.builder().footer("").build();

    private Emails() {
    }

    static CompiledEmail text(String subject, String body) {
        return ENGINE.compile(new EmailTemplateSource(subject, null, body), true, SnippetSource.NONE);
    }

    static CompiledEmail html(String subject, String body) {
        return ENGINE.compile(new EmailTemplateSource(subject, body, null), true, SnippetSource.NONE);
    }

    static RenderedEmail render(CompiledEmail email, Recipients recipient) {
        return ENGINE.render(email, recipient.build());
    }

    static RenderedEmail preview(CompiledEmail email, Recipients recipient) {
        return ENGINE.preview(email, recipient.build());
    }
}
