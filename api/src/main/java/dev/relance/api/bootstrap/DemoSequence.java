package dev.relance.api.bootstrap;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import dev.relance.engine.sequence.Delay;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.ScheduleDraft;
import dev.relance.engine.sequence.SendWindow;
import dev.relance.engine.sequence.SequenceDraft;
import dev.relance.engine.sequence.SequenceRules;
import dev.relance.engine.sequence.SequenceStatus;
import dev.relance.engine.sequence.StepDraft;
import dev.relance.engine.sequence.StepType;
import dev.relance.engine.sequence.ThreadMode;
import dev.relance.engine.sequence.TimeZonePolicy;
import dev.relance.engine.sequence.VariantDraft;

/** The demo cadence: a first email with an A/B subject, a bump in thread, a call, a break-up email. */
final class DemoSequence {

    static final String NAME = "Demo · Cold outreach (EN)";

    private DemoSequence() {
    }

    static SequenceDraft draft(long ownerId) {
        List<StepDraft> steps = List.of(
                new StepDraft(null, StepType.AUTO_EMAIL, new Delay(0, DelayUnit.MINUTES), ThreadMode.NEW_THREAD, null, List.of(
                        new VariantDraft(null, "A", 1, "Quick question, {{ first_name | default: \"there\" }}", null, """
                                Hi {{ first_name | default: "there" }},

                                I noticed {{ account.name | default: "your team" }} is growing its sales team. \
                                Teams like yours use Relance to run their outbound from their own servers.

                                Worth a 15-minute call next week?

                                {{ sender.first_name }}"""),
                        new VariantDraft(null, "B", 1, "{{ account.name | default: \"Your team\" }} + Relance", null, """
                                Hi {{ first_name | default: "there" }},

                                Would owning your outbound data matter to {{ account.name | default: "your team" }}?

                                {{ sender.first_name }}"""))),
                new StepDraft(null, StepType.AUTO_EMAIL, new Delay(3, DelayUnit.BUSINESS_DAYS), ThreadMode.REPLY_IN_THREAD,
                        null, List.of(new VariantDraft(null, "A", 1, null, null, """
                                Hi {{ first_name | default: "there" }}, bumping this in case it got buried.

                                {{ sender.first_name }}"""))),
                new StepDraft(null, StepType.CALL, new Delay(2, DelayUnit.BUSINESS_DAYS), ThreadMode.NEW_THREAD,
                        "Call and reference the two emails; leave a voicemail if no answer.", List.of()),
                new StepDraft(null, StepType.AUTO_EMAIL, new Delay(4, DelayUnit.BUSINESS_DAYS), ThreadMode.NEW_THREAD, null,
                        List.of(new VariantDraft(null, "A", 1, "Closing the loop", null, """
                                Hi {{ first_name | default: "there" }},

                                I will stop writing for now. If outbound ever climbs your list, just reply to this email.

                                {{ sender.first_name }}"""))));
        return new SequenceDraft(NAME, "Four touches over about two weeks: two emails, a call, a break-up email.",
                SequenceStatus.ACTIVE, ownerId, SequenceRules.defaults(), businessHours(), steps);
    }

    private static ScheduleDraft businessHours() {
        List<SendWindow> windows = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            windows.add(new SendWindow(day, LocalTime.of(8, 30), LocalTime.of(11, 30)));
            windows.add(new SendWindow(day, LocalTime.of(14, 0), LocalTime.of(17, 0)));
        }
        return new ScheduleDraft(TimeZonePolicy.PROSPECT, null, null, windows);
    }
}
