package dev.relance.engine.sequence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;
import dev.relance.engine.template.TemplateProblems;
import dev.relance.engine.template.TemplateService;

/**
 * Checks a sequence draft before anything is written, collecting every problem with its JSON path
 * ({@code steps[1].variants[0].subject}). The annotations are checked here too, not only by the web
 * layer, because drafts also come from stock cadences and imports.
 */
@Component
class DraftValidator {

    private final Validator beans;
    private final TemplateService templates;

    DraftValidator(ObjectProvider<Validator> validator, TemplateService templates) {
        this.beans = validator.getIfUnique(() -> Validation.buildDefaultValidatorFactory().getValidator());
        this.templates = templates;
    }

    /**
     * @param current the sequence being replaced, or null on create
     * @throws InvalidInputException listing every problem found
     */
    void check(SequenceDraft draft, Sequence current) {
        List<FieldProblem> problems = annotationProblems(draft);
        if (problems.isEmpty()) {
            checkStatus(draft, current, problems);
            ScheduleRules.check(draft.schedule(), problems);
            checkSteps(draft.steps(), current == null ? List.of() : current.steps(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private List<FieldProblem> annotationProblems(SequenceDraft draft) {
        return beans.validate(draft).stream()
                .map(v -> new FieldProblem(path(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    // Container-element constraints (a null list item) add a "<list element>" node the API does not show.
    private static String path(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }

    private static void checkStatus(SequenceDraft draft, Sequence current, List<FieldProblem> problems) {
        SequenceStatus status = draft.status() != null ? draft.status()
                : current != null ? current.status() : SequenceStatus.DRAFT;
        if (current != null && !current.status().canBecome(status)) {
            problems.add(new FieldProblem("status", "a launched sequence cannot go back to DRAFT: pause or archive it"));
        }
        if (status == SequenceStatus.ACTIVE && draft.steps().isEmpty()) {
            problems.add(new FieldProblem("steps", "an active sequence needs at least one step"));
        }
    }

    private void checkSteps(List<StepDraft> drafts, List<Step> stored, List<FieldProblem> problems) {
        Map<Long, Step> storedById = stored.stream().collect(Collectors.toMap(Step::id, Function.identity()));
        Set<Long> seenIds = new HashSet<>();
        boolean emailBefore = false;
        for (int i = 0; i < drafts.size(); i++) {
            StepDraft draft = drafts.get(i);
            String path = "steps[" + i + "]";
            Step storedStep = null;
            if (draft.id() != null) {
                storedStep = storedById.get(draft.id());
                if (storedStep == null) {
                    problems.add(new FieldProblem(path + ".id", "is not a step of this sequence"));
                } else if (!seenIds.add(draft.id())) {
                    problems.add(new FieldProblem(path + ".id", "is given to more than one step"));
                }
            }
            boolean replyInThread = draft.threadModeOrDefault() == ThreadMode.REPLY_IN_THREAD;
            if (draft.type().isEmail()) {
                if (replyInThread && !emailBefore) {
                    problems.add(new FieldProblem(path + ".threadMode", "a reply in thread needs an earlier email step"));
                }
                checkVariants(path, draft, storedStep, !replyInThread, problems);
                emailBefore = true;
            } else {
                if (!draft.variantsOrEmpty().isEmpty()) {
                    problems.add(new FieldProblem(path + ".variants",
                            "a " + draft.type() + " step sends no email: remove its variants"));
                }
                if (replyInThread) {
                    problems.add(new FieldProblem(path + ".threadMode", "only email steps can reply in a thread"));
                }
            }
        }
    }

    private void checkVariants(String stepPath, StepDraft step, Step storedStep, boolean subjectRequired,
            List<FieldProblem> problems) {
        List<VariantDraft> variants = step.variantsOrEmpty();
        if (variants.isEmpty()) {
            problems.add(new FieldProblem(stepPath + ".variants", "an email step needs at least one variant"));
            return;
        }
        Set<Long> storedIds = storedStep == null ? Set.of()
                : storedStep.variants().stream().map(Variant::id).collect(Collectors.toSet());
        Set<Long> seenIds = new HashSet<>();
        Set<String> labels = new HashSet<>();
        int totalWeight = 0;
        for (int j = 0; j < variants.size(); j++) {
            VariantDraft variant = variants.get(j);
            String path = stepPath + ".variants[" + j + "]";
            if (variant.id() != null && !storedIds.contains(variant.id())) {
                problems.add(new FieldProblem(path + ".id", "is not a variant of this step"));
            } else if (variant.id() != null && !seenIds.add(variant.id())) {
                problems.add(new FieldProblem(path + ".id", "is given to more than one variant"));
            }
            if (!labels.add(variant.label().trim())) {
                problems.add(new FieldProblem(path + ".label", "is already used by another variant of this step"));
            }
            totalWeight += variant.weightOrDefault();
            problems.addAll(TemplateProblems.asFieldProblems(path + ".",
                    templates.errors(variant.source(), subjectRequired)));
        }
        if (totalWeight == 0) {
            problems.add(new FieldProblem(stepPath + ".variants", "weights are all 0: give at least one variant a weight"));
        }
    }
}
