package dev.relance.engine.report;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Sums of report_sequence_daily columns, added up across rows (variants into steps, steps into sequences). */
final class Tally {

    static final int SENT = 0;
    static final int BOUNCED_HARD = 1;
    static final int BOUNCED_SOFT = 2;
    static final int BOUNCED_AT_SEND = 3;
    static final int BOUNCED_AFTER_SEND = 4;
    static final int OPENED_HUMAN = 5;
    static final int OPENED_MACHINE = 6;
    static final int OPENS_HUMAN = 7;
    static final int OPENS_MACHINE = 8;
    static final int CLICKED_HUMAN = 9;
    static final int CLICKED_MACHINE = 10;
    static final int CLICKS_HUMAN = 11;
    static final int CLICKS_MACHINE = 12;
    static final int REPLIED = 13;
    static final int INTERESTED = 14;
    static final int OUT_OF_OFFICE = 15;
    static final int UNSUBSCRIBED = 16;
    static final int COMPLAINED = 17;
    static final int MEETINGS = 18;

    /** The columns, in the order of the constants above; the SQL sums them under these names. */
    static final String[] COLUMNS = {"sent", "bounced_hard", "bounced_soft", "bounced_at_send", "bounced_after_send",
        "opened_human", "opened_machine", "opens_human_total", "opens_machine_total", "clicked_human", "clicked_machine",
        "clicks_human_total", "clicks_machine_total", "replied", "interested", "out_of_office", "unsubscribed",
        "complained", "meetings"};

    private final long[] values = new long[COLUMNS.length];

    static Tally read(ResultSet rs) throws SQLException {
        Tally tally = new Tally();
        for (int i = 0; i < COLUMNS.length; i++) {
            tally.values[i] = rs.getLong(COLUMNS[i]);
        }
        return tally;
    }

    Tally add(Tally other) {
        for (int i = 0; i < values.length; i++) {
            values[i] += other.values[i];
        }
        return this;
    }

    Tally set(int column, long value) {
        values[column] = value;
        return this;
    }

    long[] values() {
        return values.clone();
    }
}
