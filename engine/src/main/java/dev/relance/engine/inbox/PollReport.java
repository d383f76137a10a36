package dev.relance.engine.inbox;

import java.util.ArrayList;
import java.util.List;

/**
 * What a poll read: how many messages per outcome, and the folders that could not be read (they are
 * read again from the same checkpoint next time).
 */
public record PollReport(int processed, int unmatched, int unreadable, int ignored, List<String> unavailable) {

    public static PollReport empty() {
        return new PollReport(0, 0, 0, 0, List.of());
    }

    public int read() {
        return processed + unmatched + unreadable + ignored;
    }

    PollReport plus(InboundStatus status) {
        return new PollReport(processed + (status == InboundStatus.PROCESSED ? 1 : 0),
                unmatched + (status == InboundStatus.UNMATCHED ? 1 : 0),
                unreadable + (status == InboundStatus.UNREADABLE ? 1 : 0),
                ignored + (status == InboundStatus.IGNORED ? 1 : 0), unavailable);
    }

    PollReport plus(PollReport other) {
        List<String> failed = new ArrayList<>(unavailable);
        failed.addAll(other.unavailable);
        return new PollReport(processed + other.processed, unmatched + other.unmatched, unreadable + other.unreadable,
                ignored + other.ignored, List.copyOf(failed));
    }

    PollReport unavailable(String why) {
        List<String> failed = new ArrayList<>(unavailable);
        failed.add(why);
        return new PollReport(processed, unmatched, unreadable, ignored, List.copyOf(failed));
    }
}
