package dev.relance.engine.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.relance.engine.enrollment.BulkEnrollmentResult.Skipped;
import dev.relance.engine.event.EventLog;
import dev.relance.engine.event.EventType;
import dev.relance.engine.event.NewEvent;
import dev.relance.engine.enrollment.ChunkEnrollment.Outcome;
import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.mailbox.MailboxService;
import dev.relance.engine.mailbox.MailboxStatus;
import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.ProspectService;
import dev.relance.engine.prospect.Suppression;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.sequence.Schedule;
import dev.relance.engine.sequence.Sequence;
import dev.relance.engine.sequence.SequenceService;
import dev.relance.engine.sequence.SequenceStatus;
import dev.relance.engine.sequence.Step;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Constraints;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.task.TaskService;

/** Enrolls prospects in sequences under the enrollment rules, and pauses, resumes and stops them. */
@Service
public class EnrollmentService {

    private final EnrollmentRepository enrollments;
    private final ProspectService prospects;
    private final SequenceService sequences;
    private final MailboxService mailboxes;
    private final SuppressionService suppressions;
    private final TransactionTemplate transactions;
    private final TaskService tasks;
    private final EnrollmentProgress progress;
    private final EventLog events;
    private final Clock clock;

    EnrollmentService(EnrollmentRepository enrollments, ProspectService prospects, SequenceService sequences,
            MailboxService mailboxes, SuppressionService suppressions, TransactionTemplate transactions, TaskService tasks,
            EnrollmentProgress progress, EventLog events, Clock clock) {
        this.tasks = tasks;
        this.events = events;
        this.progress = progress;
        this.enrollments = enrollments;
        this.prospects = prospects;
        this.sequences = sequences;
        this.mailboxes = mailboxes;
        this.suppressions = suppressions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Enrolls one prospect; refused with a {@link ConflictException} when suppressed, already live in
     * the sequence, or kept out by exclusivity.
     *
     * @param ownerId the enrollment's owner (the request's ownerId, already authorised by the caller)
     * @param createdBy who asked
     */
    @Transactional
    public Enrollment enroll(EnrollmentRequest request, long ownerId, Long createdBy) {
        Sequence sequence = enrollableSequence(request.sequenceId());
        Mailbox mailbox = sendingMailbox(request.mailboxId(), ownerId);
        return enrollOne(sequence, request.prospectId(), mailbox, ownerId, createdBy);
    }

    /**
     * Enrolls each prospect in its own transaction; a refused one is reported, never fails the rest.
     * With a mailbox pool, first touches rotate across the pool's mailboxes.
     */
    public BulkEnrollmentResult enrollAll(BulkEnrollmentRequest request, long ownerId, Long createdBy) {
        Sequence sequence = enrollableSequence(request.sequenceId());
        List<Mailbox> pool = pool(request.mailboxId(), request.mailboxPool(), ownerId);
        List<Enrollment> enrolled = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (long prospectId : request.prospectIds().stream().distinct().toList()) {
            Mailbox mailbox = pool.get(enrolled.size() % pool.size());
            try {
                enrolled.add(transactions.execute(tx -> enrollOne(sequence, prospectId, mailbox, ownerId, createdBy)));
            } catch (ConflictException e) {
                skipped.add(new Skipped(prospectId, e.code(), e.getMessage()));
            } catch (NotFoundException e) {
                skipped.add(new Skipped(prospectId, "not-found", e.getMessage()));
            }
        }
        return new BulkEnrollmentResult(enrolled, skipped);
    }

    /**
     * Checks that a bulk enrollment into this sequence from these mailboxes can start: the same
     * refusals (400, 409) as {@link #enrollAll}, before any prospect is looked at.
     */
    public void checkEnrollable(long sequenceId, Long mailboxId, List<Long> mailboxPool, long ownerId) {
        enrollableSequence(sequenceId);
        pool(mailboxId, mailboxPool, ownerId);
    }

    /**
     * Enrolls a chunk of a bulk enrollment job in the caller's transaction, under the rules of
     * {@link #enroll}, each checked once for the whole chunk (suppression, live in the sequence,
     * exclusivity) and the enrollments written by one statement. A refused prospect writes nothing
     * and is returned with its code, so the chunk's transaction stays usable. A sequence or mailbox
     * that can no longer be used skips the whole chunk with that problem's code.
     *
     * @param rotationStart how many prospects the job enrolled before this chunk: the mailbox pool
     *     rotation goes on from there
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Outcome> enrollChunk(ChunkEnrollment target, List<Long> prospectIds, int rotationStart) {
        Sequence sequence;
        List<Mailbox> pool;
        try {
            sequence = enrollableSequence(target.sequenceId());
            pool = pool(target.mailboxId(), target.mailboxPool(), target.ownerId());
        } catch (ConflictException e) {
            return prospectIds.stream().map(id -> new Outcome(id, null, e.code(), e.getMessage())).toList();
        } catch (InvalidInputException e) {
            return prospectIds.stream().map(id -> new Outcome(id, null, "invalid-mailbox", e.getMessage())).toList();
        }
        Map<Long, Prospect> found = prospects.getAll(prospectIds);
        Map<String, Suppression> suppressed = suppressions.suppressingAny(
                found.values().stream().map(Prospect::email).toList());
        Set<Long> live = enrollments.liveInSequence(found.keySet(), sequence.id());
        Set<Long> blocked = enrollments.anyBlockedByExclusivity(found.keySet(), sequence.id(),
                sequence.rules().exclusive());
        Map<Long, Outcome> refused = new LinkedHashMap<>();
        List<Prospect> candidates = new ArrayList<>();
        for (long id : prospectIds) {
            Prospect prospect = found.get(id);
            if (prospect == null) {
                refused.put(id, new Outcome(id, null, "not-found", "prospect " + id + " does not exist"));
            } else if (target.ownProspectsOnly() && !Long.valueOf(target.ownerId()).equals(prospect.ownerId())) {
                refused.put(id, new Outcome(id, null, "not-owned", "prospect " + id + " belongs to another user"));
            } else if (suppressed.containsKey(prospect.email())) {
                Suppression entry = suppressed.get(prospect.email());
                refused.put(id, new Outcome(id, null, "suppressed",
                        "the address is suppressed (" + entry.kind() + ", " + entry.reason() + ")"));
            } else if (blocked.contains(id)) {
                refused.put(id, new Outcome(id, null, "exclusive",
                        "live in another sequence and exclusivity forbids a second one"));
            } else if (live.contains(id)) {
                refused.put(id, new Outcome(id, null, "already-enrolled", "already live in sequence " + sequence.id()));
            } else {
                candidates.add(prospect);
            }
        }
        Map<Long, Long> inserted = insertAll(sequence, pool, candidates, rotationStart, target);
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : prospectIds) {
            Outcome outcome = refused.get(id);
            if (outcome == null) {
                Long enrollmentId = inserted.get(id);
                outcome = enrollmentId != null ? new Outcome(id, enrollmentId, null, null)
                        : new Outcome(id, null, "already-enrolled", "already live in sequence " + sequence.id());
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Map<Long, Long> insertAll(Sequence sequence, List<Mailbox> pool, List<Prospect> candidates, int rotationStart,
            ChunkEnrollment target) {
        Instant now = clock.instant();
        Step first = sequence.steps().getFirst();
        Schedule schedule = sequence.schedule();
        List<Long> ids = new ArrayList<>();
        List<Long> mailboxIds = new ArrayList<>();
        List<Instant> firstRuns = new ArrayList<>();
        for (Prospect prospect : candidates) {
            Mailbox mailbox = pool.get((rotationStart + ids.size()) % pool.size());
            ids.add(prospect.id());
            mailboxIds.add(mailbox.id());
            firstRuns.add(StepDelays.dueAfter(now, first.delay(), schedule.zoneFor(prospect.timeZone(), mailbox.timeZone()),
                    schedule.holidayCalendar()));
        }
        return enrollments.insertAll(ids, mailboxIds, firstRuns, sequence.id(), first.id(), target.ownerId(),
                target.createdBy(), now);
    }

    private List<Mailbox> pool(Long mailboxId, List<Long> mailboxPool, long ownerId) {
        return mailboxPool == null || mailboxPool.isEmpty()
                ? List.of(sendingMailbox(mailboxId, ownerId))
                : mailboxPool.stream().distinct().map(id -> sendingMailbox(id, ownerId)).toList();
    }

    public Enrollment get(long id) {
        return enrollments.findById(id).orElseThrow(() -> new NotFoundException("enrollment", id));
    }

    public Page<Enrollment> list(PageRequest page, EnrollmentFilter filter) {
        return Page.of(enrollments.list(page, filter), page, Enrollment::id);
    }

    /** Holds an enrollment: it sends nothing until resumed. */
    @Transactional
    public Enrollment pause(long id, String reason) {
        Enrollment current = get(id);
        return move(current, EnrollmentState.PAUSED, reason == null ? "paused by a person" : reason, current.nextRunAt(), null);
    }

    /** Lets a paused enrollment go on; a step whose time passed while paused is due now, never sent twice. */
    @Transactional
    public Enrollment resume(long id) {
        Enrollment current = get(id);
        Instant now = clock.instant();
        Instant due = current.nextRunAt() == null || current.nextRunAt().isBefore(now) ? now : current.nextRunAt();
        return move(current, EnrollmentState.ACTIVE, null, due, null);
    }

    /**
     * A meeting was booked (or an opportunity created) with the prospect: every live enrollment of
     * the prospect stops. Returns how many stopped.
     */
    @Transactional
    public int meetingBooked(long prospectId) {
        prospects.get(prospectId);
        List<Long> stopped = progress.endedOf(prospectId, EnrollmentState.STOPPED, "meeting booked");
        for (long id : stopped) {
            // reports count a meeting for each enrollment it stopped (data.meetingBooked)
            Enrollment ended = get(id);
            events.append(new NewEvent(EventType.STOPPED, clock.instant(), null, id, ended.sequenceId(), null, null,
                    prospectId, ended.mailboxId(), ended.ownerId(), null,
                    Map.of("meetingBooked", true, "reason", "meeting booked")));
        }
        return stopped.size();
    }

    /** Ends an enrollment for good. */
    @Transactional
    public Enrollment stop(long id, String reason) {
        Enrollment current = get(id);
        Enrollment stopped = move(current, EnrollmentState.STOPPED, reason == null ? "stopped by a person" : reason, null,
                clock.instant());
        tasks.cancelOpenTasks(id);
        return stopped;
    }

    private Enrollment move(Enrollment current, EnrollmentState next, String reason, Instant nextRunAt, Instant finishedAt) {
        if (!current.state().canBecome(next)) {
            throw new ConflictException("invalid-transition",
                    "enrollment " + current.id() + " is " + current.state() + " and cannot become " + next);
        }
        return enrollments.transition(current.id(), current.state(), next, reason, nextRunAt, finishedAt, clock.instant())
                .orElseThrow(() -> new ConflictException("concurrent-update",
                        "enrollment " + current.id() + " changed meanwhile; read it again and retry"));
    }

    private Enrollment enrollOne(Sequence sequence, long prospectId, Mailbox mailbox, long ownerId, Long createdBy) {
        Prospect prospect = prospects.get(prospectId);
        suppressions.suppressing(prospect.email()).ifPresent(entry -> {
            throw new ConflictException("suppressed", prospect.email() + " is suppressed (" + entry.kind() + ", "
                    + entry.reason() + ")");
        });
        if (enrollments.blockedByExclusivity(prospectId, sequence.id(), sequence.rules().exclusive())) {
            throw new ConflictException("exclusive", "prospect " + prospectId
                    + " is live in another sequence and exclusivity forbids a second one");
        }
        Instant now = clock.instant();
        Step first = sequence.steps().getFirst();
        Schedule schedule = sequence.schedule();
        Instant firstRun = StepDelays.dueAfter(now, first.delay(),
                schedule.zoneFor(prospect.timeZone(), mailbox.timeZone()), schedule.holidayCalendar());
        try {
            return enrollments.insert(prospectId, sequence.id(), first.id(), mailbox.id(), ownerId, firstRun, createdBy, now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("already-enrolled",
                    "prospect " + prospectId + " is already live in sequence " + sequence.id());
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "enrollment");
        }
    }

    private Sequence enrollableSequence(long sequenceId) {
        Sequence sequence;
        try {
            sequence = sequences.get(sequenceId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("sequenceId", "sequence " + sequenceId + " does not exist");
        }
        if (sequence.status() == SequenceStatus.ARCHIVED) {
            throw new ConflictException("sequence-archived", "sequence " + sequenceId + " is archived");
        }
        if (sequence.status() == SequenceStatus.DRAFT) {
            throw new ConflictException("sequence-draft", "sequence " + sequenceId + " is a draft: activate it first");
        }
        if (sequence.steps().isEmpty()) {
            throw new ConflictException("sequence-empty", "sequence " + sequenceId + " has no steps yet");
        }
        return sequence;
    }

    /** The given mailbox if the owner may send from it, else the owner's most recently added active mailbox. */
    private Mailbox sendingMailbox(Long mailboxId, long ownerId) {
        if (mailboxId == null) {
            return mailboxes.list(PageRequest.first(1), ownerId, MailboxStatus.ACTIVE).items().stream().findFirst()
                    .orElseThrow(() -> new ConflictException("no-mailbox",
                            "user " + ownerId + " has no active mailbox: give a mailboxId"));
        }
        Mailbox mailbox;
        try {
            mailbox = mailboxes.get(mailboxId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("mailboxId", "mailbox " + mailboxId + " does not exist");
        }
        if (mailbox.ownerId() != null && mailbox.ownerId() != ownerId) {
            throw new InvalidInputException("mailboxId", "mailbox " + mailboxId + " belongs to another user");
        }
        if (mailbox.status() == MailboxStatus.DISABLED) {
            throw new InvalidInputException("mailboxId", "mailbox " + mailboxId + " is disabled");
        }
        return mailbox;
    }

}
