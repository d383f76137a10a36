package dev.relance.api.prospect;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.relance.engine.prospect.Prospect;
import dev.relance.engine.prospect.Suppression;
import dev.relance.engine.prospect.SuppressionKind;
import dev.relance.engine.prospect.SuppressionReason;

/**
 * A prospect as the API shows it: its fields, and {@code doNotContact} when a suppression entry
 * forbids writing to it (its address, its domain, or the hash an erasure left), so that whoever
 * creates or opens it sees at once that it will never be enrolled.
 */
record ProspectView(@JsonUnwrapped Prospect prospect, DoNotContact doNotContact) {

    /**
     * Which entry blocks the prospect: what it matched by and why (never the hashed value); and, for
     * the roles that read suppressions, which entry and since when.
     */
    record DoNotContact(Long suppressionId, SuppressionKind matchedBy, SuppressionReason reason, Instant since) {
    }

    /** @param withEntry whether the reader may see the suppression entry itself */
    static ProspectView of(Prospect prospect, Suppression blocking, boolean withEntry) {
        if (blocking == null) {
            return new ProspectView(prospect, null);
        }
        return new ProspectView(prospect, withEntry
                ? new DoNotContact(blocking.id(), blocking.kind(), blocking.reason(), blocking.createdAt())
                : new DoNotContact(null, blocking.kind(), blocking.reason(), null));
    }
}
