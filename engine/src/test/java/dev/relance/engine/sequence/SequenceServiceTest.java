package dev.relance.engine.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.EngineTest;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

@EngineTest
class SequenceServiceTest {

    private static final String COUNT_SEQUENCES = "SELECT count(*) FROM sequence";
    private static final String COUNT_STEPS = "SELECT count(*) FROM sequence_step";
    private static final String COUNT_TEMPLATES = "SELECT count(*) FROM template";
    private static final String COUNT_TEMPLATE_VERSIONS = "SELECT count(*) FROM template_version";
    private static final String COUNT_STEP_BY_ID = "SELECT count(*) FROM sequence_step WHERE id = :id";
    private static final String FIRST_VERSION_BODY = "SELECT body_text FROM template_version WHERE id = :id AND version = 1";

    @Autowired
    SequenceService sequences;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_created_sequence_reads_back_with_its_steps_variants_and_defaults() {
        Sequence created = sequences.create(threeSteps("Round trip"), null);

        Sequence read = sequences.get(created.id());

        assertThat(read).isEqualTo(created);
        assertThat(read.status()).isEqualTo(SequenceStatus.DRAFT);
        assertThat(read.rules()).isEqualTo(SequenceRules.defaults());
        assertThat(read.schedule()).isEqualTo(Schedule.defaults());
        assertThat(read.steps()).extracting(Step::position, Step::type, Step::threadMode).containsExactly(
                tuple(1, StepType.AUTO_EMAIL, ThreadMode.NEW_THREAD),
                tuple(2, StepType.CALL, ThreadMode.NEW_THREAD),
                tuple(3, StepType.AUTO_EMAIL, ThreadMode.REPLY_IN_THREAD));
        Step opener = read.steps().getFirst();
        assertThat(opener.delay()).isEqualTo(new Delay(0, DelayUnit.DAYS));
        assertThat(opener.variants()).extracting(Variant::label, Variant::weight, Variant::templateVersion)
                .containsExactly(tuple("A", 70, 1), tuple("B", 30, 1));
        assertThat(opener.variants().getFirst().subject()).isEqualTo("Quick question, {{ first_name }}");
        assertThat(read.steps().get(1).variants()).isEmpty();
        assertThat(read.steps().get(1).taskNote()).isEqualTo("Call if they opened");
        assertThat(read.steps().get(2).variants().getFirst().subject()).isNull();
        assertThat(read.steps().get(2).delay()).isEqualTo(new Delay(3, DelayUnit.BUSINESS_DAYS));
        assertThat(sequences.statusOf(created.id())).isEqualTo(SequenceStatus.DRAFT);
        assertThat(sequences.stepCount(created.id())).isEqualTo(3);
    }

    @Test
    void a_fixed_schedule_and_custom_rules_are_kept() {
        ScheduleDraft schedule = new ScheduleDraft(TimeZonePolicy.FIXED, "Europe/Paris", HolidayCalendar.FR, List.of(
                window(DayOfWeek.TUESDAY, 14, 18), window(DayOfWeek.TUESDAY, 8, 12)));
        SequenceRules rules = new SequenceRules(false, true, true, false, false);

        Sequence created = sequences.create(new SequenceDraft("Fixed", null, null, null, rules, schedule, List.of()), null);

        assertThat(created.rules()).isEqualTo(rules);
        assertThat(created.schedule().fixedTimeZone()).isEqualTo("Europe/Paris");
        assertThat(created.schedule().holidayCalendar()).isEqualTo(HolidayCalendar.FR);
        assertThat(created.schedule().windows())
                .containsExactly(window(DayOfWeek.TUESDAY, 8, 12), window(DayOfWeek.TUESDAY, 14, 18));
    }

    @Test
    void reply_in_thread_as_first_step_is_refused() {
        assertRefused(draft("Reply first", replyStep(variant("A", 1, null, "Bumping this"))), "steps[0].threadMode");
    }

    @Test
    void a_task_step_with_variants_is_refused() {
        StepDraft callWithVariant = new StepDraft(null, StepType.CALL, null, null, "Call",
                List.of(variant("A", 1, "Hi", "Hello")));

        assertRefused(draft("Call with email", emailStep(variant("A", 1, "Hi", "Hello")), callWithVariant), "steps[1].variants");
    }

    @Test
    void a_liquid_syntax_error_is_reported_on_the_variant_part_that_has_it() {
        VariantDraft broken = new VariantDraft(null, "B", 1, "Hi", "<p>{% if title %}Hello</p>", null);

        InvalidInputException refused = assertRefused(
                draft("Broken Liquid", emailStep(variant("A", 1, "Hi", "Hello"), broken)), "steps[0].variants[1].bodyHtml");

        assertThat(refused.problems()).filteredOn(p -> p.field().equals("steps[0].variants[1].bodyHtml"))
                .singleElement().extracting(FieldProblem::message).asString().startsWith("line 1, column");
    }

    @Test
    void a_subject_with_a_line_break_is_refused() {
        assertRefused(draft("Header injection", emailStep(variant("A", 1, "Hi\r\nBcc: all@example.com", "Hello"))),
                "steps[0].variants[0].subject");
    }

    @Test
    void overlapping_windows_of_one_day_are_refused() {
        ScheduleDraft schedule = new ScheduleDraft(TimeZonePolicy.PROSPECT, null, null, List.of(
                window(DayOfWeek.MONDAY, 9, 12), window(DayOfWeek.MONDAY, 11, 14), window(DayOfWeek.TUESDAY, 11, 14)));

        InvalidInputException refused = assertRefused(
                new SequenceDraft("Overlap", null, null, null, null, schedule, List.of()), "schedule.windows[1]");

        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("schedule.windows[1]");
    }

    @Test
    void a_fixed_time_zone_policy_needs_a_zone() {
        ScheduleDraft schedule = new ScheduleDraft(TimeZonePolicy.FIXED, null, null, List.of(window(DayOfWeek.MONDAY, 9, 17)));

        assertRefused(new SequenceDraft("No zone", null, null, null, null, schedule, List.of()), "schedule.fixedTimeZone");
    }

    @Test
    void a_step_id_of_another_sequence_is_refused() {
        Sequence other = sequences.create(threeSteps("Other"), null);
        Sequence target = sequences.create(threeSteps("Target"), null);
        List<StepDraft> steps = stepsOf(target);
        steps.set(1, new StepDraft(other.steps().get(1).id(), StepType.CALL, null, null, "Call", null));

        long before = count(COUNT_STEPS);
        assertThatThrownBy(() -> sequences.replace(target.id(), draftOf(target, steps), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(FieldProblem::field).contains("steps[1].id"));
        assertThat(count(COUNT_STEPS)).isEqualTo(before);
        assertThat(sequences.get(target.id())).isEqualTo(target);
    }

    @Test
    void editing_a_variant_creates_a_new_template_version() {
        Sequence created = sequences.create(threeSteps("Edited body"), null);
        Variant before = created.steps().getFirst().variants().getFirst();
        List<StepDraft> steps = stepsOf(created);
        steps.set(0, withVariant(steps.getFirst(), 0, new VariantDraft(before.id(), "A", 70, before.subject(), null,
                "Hi {{ first_name }}, one more thing.")));

        Sequence edited = sequences.replace(created.id(), draftOf(created, steps), null);

        Variant after = edited.steps().getFirst().variants().getFirst();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.templateId()).isEqualTo(before.templateId());
        assertThat(after.templateVersion()).isEqualTo(2);
        assertThat(after.templateVersionId()).isNotEqualTo(before.templateVersionId());
        assertThat(after.bodyText()).isEqualTo("Hi {{ first_name }}, one more thing.");
        assertThat(edited.steps().getFirst().variants().get(1)).isEqualTo(created.steps().getFirst().variants().get(1));
        String firstVersionBody = jdbc.sql(FIRST_VERSION_BODY).param("id", before.templateVersionId())
                .query(String.class).single();
        assertThat(firstVersionBody).isEqualTo(before.bodyText());
    }

    @Test
    void editing_only_the_name_writes_no_template_version() {
        Sequence created = sequences.create(threeSteps("Old name"), null);
        long versions = count(COUNT_TEMPLATE_VERSIONS);

        Sequence renamed = sequences.replace(created.id(),
                new SequenceDraft("New name", null, null, null, null, null, stepsOf(created)), null);

        assertThat(renamed.name()).isEqualTo("New name");
        assertThat(renamed.steps()).isEqualTo(created.steps());
        assertThat(count(COUNT_TEMPLATE_VERSIONS)).isEqualTo(versions);
    }

    @Test
    void steps_can_be_reordered() {
        Sequence created = sequences.create(threeSteps("Reordered"), null);
        List<StepDraft> steps = stepsOf(created);

        Sequence reordered = sequences.replace(created.id(), draftOf(created, List.of(steps.get(0), steps.get(2), steps.get(1))),
                null);

        List<Step> before = created.steps();
        assertThat(reordered.steps()).extracting(Step::id)
                .containsExactly(before.get(0).id(), before.get(2).id(), before.get(1).id());
        assertThat(reordered.steps()).extracting(Step::position).containsExactly(1, 2, 3);
        assertThat(reordered.steps().get(1).variants()).isEqualTo(before.get(2).variants());
    }

    @Test
    void removing_a_step_deletes_it_and_renumbers_the_rest() {
        Sequence created = sequences.create(threeSteps("Shortened"), null);
        List<StepDraft> steps = stepsOf(created);
        long removedId = created.steps().get(1).id();

        Sequence shortened = sequences.replace(created.id(), draftOf(created, List.of(steps.get(0), steps.get(2))), null);

        assertThat(shortened.steps()).extracting(Step::id)
                .containsExactly(created.steps().get(0).id(), created.steps().get(2).id());
        assertThat(shortened.steps()).extracting(Step::position).containsExactly(1, 2);
        assertThat(jdbc.sql(COUNT_STEP_BY_ID).param("id", removedId).query(Long.class).single()).isZero();
        assertThat(sequences.stepCount(created.id())).isEqualTo(2);
    }

    @Test
    void two_variants_can_swap_labels() {
        Sequence created = sequences.create(threeSteps("Swapped"), null);
        List<StepDraft> steps = stepsOf(created);
        List<VariantDraft> variants = steps.getFirst().variants();
        StepDraft relabelled = withVariant(steps.getFirst(), 0, relabel(variants.get(0), "B"));
        steps.set(0, withVariant(relabelled, 1, relabel(variants.get(1), "A")));

        Sequence swapped = sequences.replace(created.id(), draftOf(created, steps), null);

        assertThat(swapped.steps().getFirst().variants()).extracting(Variant::label).containsExactly("B", "A");
    }

    @Test
    void a_step_that_sent_messages_cannot_be_removed_and_nothing_changes() {
        Sequence created = sequences.create(threeSteps("Already sent"), null);
        recordSentMessage(created, created.steps().getFirst());
        List<StepDraft> steps = stepsOf(created);
        StepDraft followUp = steps.get(2);
        StepDraft standalone = new StepDraft(followUp.id(), StepType.AUTO_EMAIL, null, null, null,
                List.of(new VariantDraft(followUp.variants().getFirst().id(), "A", 1, "Following up", null, "Any news?")));

        assertThatThrownBy(() -> sequences.replace(created.id(), draftOf(created, List.of(steps.get(1), standalone)), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("in-use");
                    assertThat(e.getMessage()).startsWith("step 1 has sent messages");
                });
        assertThat(sequences.get(created.id())).isEqualTo(created);
    }

    @Test
    void a_sequence_with_enrollments_cannot_be_deleted_but_an_unused_one_can() {
        Sequence used = sequences.create(threeSteps("Used"), null);
        recordSentMessage(used, used.steps().getFirst());
        Sequence unused = sequences.create(threeSteps("Unused"), null);
        long templates = count(COUNT_TEMPLATES);

        assertThatThrownBy(() -> sequences.delete(used.id())).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("in-use"));
        sequences.delete(unused.id());

        assertThatThrownBy(() -> sequences.get(unused.id())).isInstanceOf(NotFoundException.class);
        assertThat(count(COUNT_TEMPLATES)).isEqualTo(templates - 3);
        assertThat(sequences.get(used.id())).isEqualTo(used);
    }

    @Test
    void the_list_is_paged_newest_first_and_filtered_by_status_and_owner() {
        long owner = insertUser();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(sequences.create(new SequenceDraft("Listed " + i, null, SequenceStatus.ACTIVE, null, null, null,
                    List.of(emailStep(variant("A", 1, "Hi", "Hello")))), owner).id());
        }
        sequences.create(new SequenceDraft("Draft of the same owner", null, null, null, null, null, List.of()), owner);

        Page<SequenceSummary> first = sequences.list(PageRequest.first(2), SequenceStatus.ACTIVE, owner);
        Page<SequenceSummary> second = sequences.list(PageRequest.of(2, first.nextCursor()), SequenceStatus.ACTIVE, owner);

        assertThat(first.items()).extracting(SequenceSummary::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.items()).allSatisfy(s -> {
            assertThat(s.ownerId()).isEqualTo(owner);
            assertThat(s.stepCount()).isEqualTo(1);
        });
        assertThat(second.items()).extracting(SequenceSummary::id).containsExactly(ids.get(0));
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void a_launched_sequence_does_not_go_back_to_draft() {
        Sequence active = sequences.create(new SequenceDraft("Launched", null, SequenceStatus.ACTIVE, null, null, null,
                List.of(emailStep(variant("A", 1, "Hi", "Hello")))), null);

        assertThatThrownBy(() -> sequences.replace(active.id(),
                new SequenceDraft("Launched", null, SequenceStatus.DRAFT, null, null, null, stepsOf(active)), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("status"));
    }

    private InvalidInputException assertRefused(SequenceDraft draft, String field) {
        long sequencesBefore = count(COUNT_SEQUENCES);
        long templatesBefore = count(COUNT_TEMPLATES);
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> sequences.create(draft, null));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.problems()).extracting(FieldProblem::field).contains(field);
        assertThat(count(COUNT_SEQUENCES)).isEqualTo(sequencesBefore);
        assertThat(count(COUNT_TEMPLATES)).isEqualTo(templatesBefore);
        return refused;
    }

    /** An opener with two weighted variants, a call, and a reply in the opener's thread. */
    private static SequenceDraft threeSteps(String name) {
        return draft(name,
                emailStep(variant("A", 70, "Quick question, {{ first_name }}", "Hi {{ first_name }},"),
                        new VariantDraft(null, "B", 30, "About {{ account.name }}", "<p>Hello</p>", "Hello")),
                new StepDraft(null, StepType.CALL, new Delay(1, DelayUnit.DAYS), null, "Call if they opened", null),
                new StepDraft(null, StepType.AUTO_EMAIL, new Delay(3, DelayUnit.BUSINESS_DAYS), ThreadMode.REPLY_IN_THREAD, null,
                        List.of(variant("A", 1, null, "Bumping this up, {{ first_name }}."))));
    }

    private static SequenceDraft draft(String name, StepDraft... steps) {
        return new SequenceDraft(name, null, null, null, null, null, List.of(steps));
    }

    private static StepDraft emailStep(VariantDraft... variants) {
        return new StepDraft(null, StepType.AUTO_EMAIL, null, null, null, List.of(variants));
    }

    private static StepDraft replyStep(VariantDraft... variants) {
        return new StepDraft(null, StepType.AUTO_EMAIL, null, ThreadMode.REPLY_IN_THREAD, null, List.of(variants));
    }

    private static VariantDraft variant(String label, int weight, String subject, String bodyText) {
        return new VariantDraft(null, label, weight, subject, null, bodyText);
    }

    private static VariantDraft relabel(VariantDraft variant, String label) {
        return new VariantDraft(variant.id(), label, variant.weight(), variant.subject(), variant.bodyHtml(), variant.bodyText());
    }

    private static SendWindow window(DayOfWeek day, int fromHour, int toHour) {
        return new SendWindow(day, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    }

    /** The draft that replaces a sequence by itself: the starting point of every edit. */
    private static List<StepDraft> stepsOf(Sequence sequence) {
        return new ArrayList<>(sequence.steps().stream().map(step -> new StepDraft(step.id(), step.type(), step.delay(),
                step.threadMode(), step.taskNote(), step.variants().stream().map(v -> new VariantDraft(v.id(), v.label(),
                        v.weight(), v.subject(), v.bodyHtml(), v.bodyText())).toList())).toList());
    }

    private static SequenceDraft draftOf(Sequence sequence, List<StepDraft> steps) {
        return new SequenceDraft(sequence.name(), sequence.description(), null, null, sequence.rules(), null, steps);
    }

    private static StepDraft withVariant(StepDraft step, int index, VariantDraft variant) {
        List<VariantDraft> variants = new ArrayList<>(step.variants());
        variants.set(index, variant);
        return new StepDraft(step.id(), step.type(), step.delay(), step.threadMode(), step.taskNote(), variants);
    }

    private long count(String countQuery) {
        return jdbc.sql(countQuery).query(Long.class).single();
    }

    private long insertUser() {
        String name = "sdr-" + UUID.randomUUID();
        return jdbc.sql("""
                INSERT INTO app_user (username, email, display_name, role, password_hash, created_at, updated_at)
                VALUES (:name, :name || '@relance.test', 'SDR', 'SDR', 'x', now(), now())
                RETURNING id
                """).param("name", name).query(Long.class).single();
    }

    /** A prospect enrolled in {@code sequence} who was sent the first variant of {@code step}. */
    private void recordSentMessage(Sequence sequence, Step step) {
        String unique = UUID.randomUUID().toString();
        long owner = insertUser();
        long prospect = jdbc.sql("""
                INSERT INTO prospect (email, created_at, updated_at) VALUES (:email, now(), now()) RETURNING id
                """).param("email", unique + "@prospect.test").query(Long.class).single();
        long mailbox = jdbc.sql("""
                INSERT INTO mailbox (email_address, display_name, smtp_host, smtp_port, smtp_security, smtp_username,
                                     time_zone, created_at, updated_at)
                VALUES (:email, 'Rep', 'localhost', 25, 'NONE', 'rep', 'Europe/Paris', now(), now())
                RETURNING id
                """).param("email", unique + "@sender.test").query(Long.class).single();
        long enrollment = jdbc.sql("""
                INSERT INTO enrollment (prospect_id, sequence_id, owner_id, state, created_at, updated_at)
                VALUES (:prospect, :sequence, :owner, 'ACTIVE', now(), now())
                RETURNING id
                """).param("prospect", prospect).param("sequence", sequence.id()).param("owner", owner)
                .query(Long.class).single();
        Variant variant = step.variants().getFirst();
        jdbc.sql("""
                INSERT INTO message (enrollment_id, step_id, variant_id, template_version_id, mailbox_id, prospect_id,
                                     message_id_header, state, created_at, updated_at)
                VALUES (:enrollment, :step, :variant, :templateVersion, :mailbox, :prospect, :header, 'SENT', now(), now())
                """).param("enrollment", enrollment).param("step", step.id()).param("variant", variant.id())
                .param("templateVersion", variant.templateVersionId()).param("mailbox", mailbox).param("prospect", prospect)
                .param("header", "<" + unique + "@relance.test>").update();
    }
}
