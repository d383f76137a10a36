package dev.relance.engine.template;

import java.util.List;

import dev.relance.engine.support.InvalidInputException.FieldProblem;
import dev.relance.templates.TemplateProblem;

/** Template problems as the rest of the engine reports them. */
public final class TemplateProblems {

    private TemplateProblems() {
    }

    /**
     * Warnings do not refuse a save: a custom field no prospect has yet may be filled in by the next
     * import, and strict rendering still stops any message that would print it empty.
     */
    public static boolean isWarning(TemplateProblem problem) {
        return TemplateProblem.isWarning(problem);
    }

    /** Field problems under {@code prefix} ("steps[0].variants[1]."), one per template problem. */
    public static List<FieldProblem> asFieldProblems(String prefix, List<TemplateProblem> problems) {
        return problems.stream().map(p -> new FieldProblem(prefix + p.part(), located(p))).toList();
    }

    private static String located(TemplateProblem problem) {
        return problem.line() == 0 ? problem.message()
                : "line " + problem.line() + ", column " + problem.column() + ": " + problem.message();
    }
}
