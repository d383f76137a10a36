package dev.relance.engine.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.relance.engine.enrollment.ProspectSignals;
import dev.relance.engine.enrollment.StepDelays;
import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.inbox.classify.BouncedRecipient;
import dev.relance.engine.inbox.classify.InboundVerdict;
import dev.relance.engine.inbox.classify.IntentVerdict;
import dev.relance.engine.inbox.classify.ReplyIntent;
import dev.relance.engine.sequence.Delay;
import dev.relance.engine.sequence.DelayUnit;
import dev.relance.engine.sequence.Schedule;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.task.NewTask;
import dev.relance.engine.task.TaskService;
import dev.relance.engine.task.TaskType;

/**
 * What an answer to one of our messages does, per the sequence's rules: a reply stops (and may stop
 * the account), a hard bounce suppresses and stops, soft bounces in a row count as a hard one, a
 * complaint or a request to be removed suppresses and stops, an out-of-office pauses until the
 * prospect is back. Each effect is logged as an event and described in words for the inbox record.
 */
@Component
class InboundEffects {

    private static final Delay ONE_BUSINESS_DAY = new Delay(1, DelayUnit.BUSINESS_DAYS);

    private final ProspectSignals signals;
    private final EventLog events;
    private final TaskService tasks;
    private final BounceCounts bounceCounts;
    private final SequenceService sequences;
    private final InboxProperties properties;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    InboundEffects(ProspectSignals signals, EventLog events, TaskService tasks, BounceCounts bounceCounts,
            SequenceService sequences, InboxProperties properties, ApplicationEventPublisher publisher, Clock clock) {
        this.signals = signals;
        this.events = events;
        this.tasks = tasks;
        this.bounceCounts = bounceCounts;
        this.sequences = sequences;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
    }

    List<String> bounce(BouncedRecipient recipient, OurMessage message, long inboundId) {
        List<String> effects = new ArrayList<>();
        Map<String, Object> data = new HashMap<>();
        data.put("inboundId", inboundId);
        data.put("recipient", recipient.recipient());
        data.put("status", recipient.status());
        data.put("replyCode", recipient.replyCode());
        data.put("reason", recipient.reason());
        data.put("hard", recipient.hard());
        data.put("delayed", recipient.delayed());
        data.put("diagnostic", recipient.diagnostic());
        data.put("phase", "DSN");
        events.appendForMessage(EventType.BOUNCED, message.id(), clock.instant(), null, data);
        String who = message.prospectEmail();
        if (recipient.delayed()) {
            effects.add(who + ": delivery delayed, the server is still trying; nothing changes");
            return effects;
        }
        if (recipient.hard()) {
            return hardBounce(message, describe(recipient), effects);
        }
        int inRow = bounceCounts.addSoft(message.prospectId());
        if (properties.softBouncesAsHard() > 0 && inRow >= properties.softBouncesAsHard()) {
            return hardBounce(message, inRow + " soft bounces in a row, the last: " + describe(recipient), effects);
        }
        effects.add(who + ": soft bounce (" + describe(recipient) + "), " + inRow + " in a row; the address is kept");
        return effects;
    }

    List<String> complaint(OurMessage message) {
        boolean added = signals.complained(message.prospectId(), message.prospectEmail(), message.id(),
                "ARF feedback report");
        return List.of(message.prospectEmail() + (added ? " suppressed (complaint)" : " was already suppressed")
                + "; every live enrollment of the prospect ended");
    }

    List<String> autoReply(InboundVerdict verdict, OurMessage message) {
        bounceCounts.reset(message.prospectId());
        Instant until = awayUntil(verdict, message);
        Map<String, Object> data = new HashMap<>();
        data.put("returnDate", verdict.returnDate() == null ? null : verdict.returnDate().toString());
        data.put("pausedUntil", until.toString());
        events.appendForMessage(EventType.AUTO_REPLIED, message.id(), clock.instant(), null, data);
        String reason = "out of office" + (verdict.returnDate() == null ? " (no return date given)"
                : " until " + verdict.returnDate());
        boolean paused = signals.awayUntil(message.enrollmentId(), until, reason);
        return List.of(paused ? "enrollment " + message.enrollmentId() + " paused until " + until + ": " + reason
                : "auto-reply recorded; enrollment " + message.enrollmentId() + " is not active, nothing paused");
    }

    /** An email to the mailto: of List-Unsubscribe: a request to be removed, whatever its words; not a reply. */
    List<String> unsubscribeByEmail(OurMessage message) {
        boolean added = signals.unsubscribed(message.prospectId(), message.prospectEmail(), message.id(),
                "unsubscribe email (List-Unsubscribe mailto)");
        return List.of(message.prospectEmail() + (added ? " suppressed (unsubscribe email)" : " was already suppressed")
                + "; every live enrollment of the prospect ended");
    }

    List<String> reply(InboundVerdict verdict, OurMessage message) {
        bounceCounts.reset(message.prospectId());
        IntentVerdict intent = verdict.intent();
        ReplyIntent kind = intent == null ? ReplyIntent.NEUTRAL : intent.intent();
        Map<String, Object> data = new HashMap<>();
        data.put("intent", kind.name());
        data.put("reasons", intent == null ? List.of() : intent.reasons());
        data.put("referralName", intent == null ? null : intent.referralName());
        data.put("referralEmail", intent == null ? null : intent.referralEmail());
        events.appendForMessage(EventType.REPLIED, message.id(), clock.instant(), null, data);
        List<String> effects = new ArrayList<>();
        if (kind == ReplyIntent.UNSUBSCRIBE_REQUEST) {
            boolean added = signals.unsubscribed(message.prospectId(), message.prospectEmail(), message.id(),
                    "reply asking to be removed");
            effects.add(message.prospectEmail() + (added ? " suppressed (asked to be removed)" : " was already suppressed")
                    + "; every live enrollment of the prospect ended");
            return effects;
        }
        boolean stop = message.stopOnReply() || kind == ReplyIntent.NOT_INTERESTED;
        for (long ended : signals.replied(message.enrollmentId(), message.prospectId(), message.accountId(),
                message.sequenceId(), stop, message.stopAccountOnReply())) {
            effects.add(ended == message.enrollmentId() ? "enrollment " + ended + " ended: the prospect replied"
                    : "enrollment " + ended + " stopped: a colleague at the same account replied");
        }
        if (kind == ReplyIntent.INTERESTED || kind == ReplyIntent.QUESTION || kind == ReplyIntent.REFERRAL) {
            var task = tasks.create(new NewTask(null, null, message.prospectId(), message.ownerId(), message.sequenceId(),
                    TaskType.REPLY, replyTitle(kind, message, intent), replyNote(verdict), null, null, null, null));
            effects.add("task " + task.id() + " for the owner: " + task.title());
        }
        if (kind == ReplyIntent.INTERESTED) {
            publisher.publishEvent(new InterestedReply(message.id(), message.prospectId(), message.accountId(),
                    message.sequenceId(), message.stepId(), message.mailboxId(), message.ownerId(), clock.instant()));
        }
        return effects;
    }

    private List<String> hardBounce(OurMessage message, String why, List<String> effects) {
        int ended = signals.hardBounced(message.prospectId(), message.prospectEmail(), why);
        effects.add(message.prospectEmail() + " suppressed (hard bounce: " + why + "); " + ended
                + " live enrollment(s) ended");
        return effects;
    }

    // Back on the return date: the cadence resumes the next business day, at its first send window.
    private Instant awayUntil(InboundVerdict verdict, OurMessage message) {
        Instant now = clock.instant();
        if (verdict.returnDate() == null) {
            return now.plus(properties.awayWithoutDate());
        }
        Schedule schedule = sequences.get(message.sequenceId()).schedule();
        ZoneId zone = schedule.zoneFor(message.prospectZone(), message.mailboxZone());
        Instant back = verdict.returnDate().atStartOfDay(zone).toInstant();
        Instant until = StepDelays.dueAfter(back, ONE_BUSINESS_DAY, zone, schedule.holidayCalendar());
        return until.isAfter(now) ? until : now;
    }

    private static String replyTitle(ReplyIntent kind, OurMessage message, IntentVerdict intent) {
        return switch (kind) {
            case INTERESTED -> "Reply to " + message.prospectEmail() + ": interested";
            case QUESTION -> "Answer " + message.prospectEmail() + "'s question";
            default -> "Referral from " + message.prospectEmail() + ": contact "
                    + firstNonBlank(intent.referralName(), intent.referralEmail(), "the person they named");
        };
    }

    private static String replyNote(InboundVerdict verdict) {
        String text = verdict.replyText() == null ? "" : verdict.replyText().strip();
        return text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text;
    }

    private static String describe(BouncedRecipient recipient) {
        return String.join(" ", firstNonBlank(recipient.status(), ""), firstNonBlank(recipient.reason(), ""),
                firstNonBlank(recipient.diagnostic(), "")).strip().replaceAll("\\s+", " ");
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
