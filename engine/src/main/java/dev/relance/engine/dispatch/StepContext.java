package dev.relance.engine.dispatch;

import java.time.ZoneId;
import java.util.List;

import dev.relance.engine.enrollment.ClaimedEnrollment;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.prospect.Account;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.sequence.Schedule;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.Step;

/** Everything one claimed enrollment's current step needs, loaded once. */
record StepContext(ClaimedEnrollment claimed, Sequence sequence, Step step, Step nextStep, Prospect prospect,
        Account account, Mailbox mailbox) {

    Schedule schedule() {
        return sequence.schedule();
    }

    ZoneId zone() {
        return schedule().zoneFor(prospect.timeZone(), mailbox.timeZone());
    }

    static Step after(List<Step> steps, Step current) {
        int index = steps.indexOf(current);
        return index + 1 < steps.size() ? steps.get(index + 1) : null;
    }
}
