package dev.relance.engine.testing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.relance.engine.mailbox.MailboxDraft;
import dev.relance.engine.mailbox.ServerDraft;
import dev.relance.engine.mailbox.TransportSecurity;
import dev.relance.engine.prospect.ProspectDraft;
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
import dev.relance.engine.user.Role;
import dev.relance.engine.user.UserDraft;

/** Builders of valid drafts for tests: {@code aProspect().inZone("Europe/Paris").build()}. */
public final class Drafts {

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private Drafts() {
    }

    /** A user of this role, with a unique username and email and the tests' password. */
    public static UserDraft aUser(Role role, String displayName) {
        String name = role.name().toLowerCase(Locale.ROOT) + UNIQUE.incrementAndGet() + "-" + System.nanoTime();
        return new UserDraft(name, name + "@relance.test", displayName, role, "a-long-password", true);
    }

    public static ProspectBuilder aProspect() {
        return new ProspectBuilder();
    }

    public static MailboxDraft aMailbox(Long ownerId) {
        String address = "sender" + UNIQUE.incrementAndGet() + "@relance.test";
        return new MailboxDraft(address, "Sam Seller", null, ownerId,
                new ServerDraft("smtp.relance.test", 587, TransportSecurity.STARTTLS, address, "smtp-secret"), null,
                null, null, null, null, "Europe/Paris", "1 Test Street, 75001 Paris, France");
    }

    public static SequenceBuilder aSequence() {
        return new SequenceBuilder();
    }

    /** A prospect with a unique address at a business domain, owned by nobody. */
    public static final class ProspectBuilder {
        private String email = "prospect" + UNIQUE.incrementAndGet() + "@company" + UNIQUE.get() + ".test";
        private String zone = "Europe/London";
        private Long ownerId;
        private Map<String, Object> custom = Map.of();

        public ProspectBuilder withEmail(String value) {
            this.email = value;
            return this;
        }

        public ProspectBuilder inZone(String value) {
            this.zone = value;
            return this;
        }

        public ProspectBuilder ownedBy(Long value) {
            this.ownerId = value;
            return this;
        }

        public ProspectBuilder withCustomFields(Map<String, Object> value) {
            this.custom = value;
            return this;
        }

        public ProspectDraft build() {
            return new ProspectDraft(email, "Ada", "Lovelace", "VP Sales", null, null, zone, "en-GB", "GB", null, custom,
                    ownerId, null, null);
        }
    }

    /** An active sequence, Monday to Friday 09:00-17:00, whose steps the test lists. */
    public static final class SequenceBuilder {
        private final List<StepDraft> steps = new ArrayList<>();
        private SequenceRules rules = SequenceRules.defaults();
        private SequenceStatus status = SequenceStatus.ACTIVE;

        public SequenceBuilder withEmailAfter(int amount, DelayUnit unit) {
            steps.add(new StepDraft(null, StepType.AUTO_EMAIL, new Delay(amount, unit), ThreadMode.NEW_THREAD, null,
                    List.of(new VariantDraft(null, "A", 1, "Hello {{ first_name }}", null, "Hi {{ first_name }}"))));
            return this;
        }

        public SequenceBuilder withCallAfter(int amount, DelayUnit unit) {
            steps.add(new StepDraft(null, StepType.CALL, new Delay(amount, unit), ThreadMode.NEW_THREAD, "Call", List.of()));
            return this;
        }

        public SequenceBuilder exclusive() {
            this.rules = new SequenceRules(rules.stopOnReply(), rules.stopAccountOnReply(), true, rules.trackOpens(),
                    rules.trackClicks());
            return this;
        }

        public SequenceBuilder withStatus(SequenceStatus value) {
            this.status = value;
            return this;
        }

        public SequenceDraft build() {
            List<SendWindow> windows = new ArrayList<>();
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                windows.add(new SendWindow(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
            }
            List<StepDraft> chosen = steps.isEmpty()
                    ? List.of(new StepDraft(null, StepType.AUTO_EMAIL, new Delay(0, DelayUnit.MINUTES), ThreadMode.NEW_THREAD,
                            null, List.of(new VariantDraft(null, "A", 1, "Hello", null, "Hi"))))
                    : steps;
            return new SequenceDraft("Sequence " + UNIQUE.incrementAndGet(), null, status, null, rules,
                    new ScheduleDraft(TimeZonePolicy.PROSPECT, null, null, windows), chosen);
        }
    }
}
