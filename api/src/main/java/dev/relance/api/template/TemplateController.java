package dev.relance.api.template;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.relance.api.Created;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.template.PreviewRequest;
import dev.relance.engine.template.PreviewService;
import dev.relance.engine.template.TemplateProblems;
import dev.relance.engine.template.TemplateService;
import dev.relance.engine.template.TemplateVersion;
import dev.relance.templates.EmailTemplateSource;
import dev.relance.templates.RenderedEmail;
import dev.relance.templates.TemplateProblem;
import jakarta.validation.constraints.Size;

/**
 * Template versions, validation and preview. A variant's template is revised here or through its
 * sequence; every revision is a new immutable version. Reading, validating and previewing are open to
 * every role; writing to MARKETER and ADMIN.
 */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

    private final TemplateService templates;
    private final PreviewService previews;

    TemplateController(TemplateService templates, PreviewService previews) {
        this.templates = templates;
        this.previews = previews;
    }

    /** Liquid content of an email; on a reply-in-thread step the subject may be left out. */
    record Content(@Size(max = 998) String subject, @Size(max = 200_000) String bodyHtml,
            @Size(max = 200_000) String bodyText, Boolean replyInThread) {
        EmailTemplateSource source() {
            return new EmailTemplateSource(subject, bodyHtml, bodyText);
        }
    }

    /** The outcome of a validation: errors refuse a save, warnings do not. */
    record Validation(boolean valid, List<TemplateProblem> errors, List<TemplateProblem> warnings) {
    }

    @GetMapping("/{id}/versions")
    List<TemplateVersion> versions(@PathVariable long id) {
        return templates.versions(id);
    }

    @PostMapping("/{id}/versions")
    ResponseEntity<TemplateVersion> revise(@AuthenticationPrincipal RelanceUser me, @PathVariable long id,
            @RequestBody @Validated Content content) {
        TemplateVersion version = templates.revise(id, content.source(), me.id());
        return Created.at(version.version(), version);
    }

    @PostMapping("/validate")
    Validation validate(@RequestBody @Validated Content content) {
        List<TemplateProblem> problems = templates.problems(content.source(), !Boolean.TRUE.equals(content.replyInThread()));
        List<TemplateProblem> warnings = problems.stream().filter(TemplateProblems::isWarning).toList();
        List<TemplateProblem> errors = problems.stream().filter(p -> !TemplateProblems.isWarning(p)).toList();
        return new Validation(errors.isEmpty(), errors, warnings);
    }

    @PostMapping("/preview")
    RenderedEmail preview(@AuthenticationPrincipal RelanceUser me, @RequestBody @Validated PreviewRequest request) {
        return previews.preview(request, me.id());
    }
}
