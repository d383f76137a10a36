package dev.relance.templates;

import java.util.List;
import java.util.stream.Collectors;

/** A template could not be compiled: its errors, located (warnings are not errors and never land here). */
public class TemplateInvalidException extends RuntimeException {

    private final List<TemplateProblem> problems;

    public TemplateInvalidException(List<TemplateProblem> problems) {
        super("invalid template: " + problems.stream().map(TemplateProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
