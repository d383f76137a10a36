package dev.relance.engine.support;

import java.time.DateTimeException;
import java.time.ZoneId;

/** IANA time zone names as the API accepts them. */
public final class Zones {

    private Zones() {
    }

    /** The zone named by {@code value}, or a field error; null stays null (the field is optional). */
    public static ZoneId parse(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "is not an IANA time zone name (e.g. Europe/Paris)");
        }
    }
}
