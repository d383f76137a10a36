package dev.relance.engine.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;

/** Turns database constraint violations into the domain's conflicts. */
public final class Constraints {

    private static final Pattern CONSTRAINT_NAME = Pattern.compile("constraint \"([^\"]+)\"");

    private Constraints() {
    }

    /** The name of the violated constraint, or "" when the driver did not say. */
    public static String nameOf(DataIntegrityViolationException e) {
        Matcher m = CONSTRAINT_NAME.matcher(String.valueOf(e.getMostSpecificCause().getMessage()));
        return m.find() ? m.group(1) : "";
    }

    /**
     * Reports a violated foreign key of {@code table} as a field error on the referencing field
     * ({@code prospect_account_id_fkey} becomes {@code accountId}); rethrows anything else.
     */
    public static InvalidInputException invalidReference(DataIntegrityViolationException e, String table) {
        String name = nameOf(e);
        if (!name.startsWith(table + "_") || !name.endsWith("_fkey")) {
            throw e;
        }
        String column = name.substring(table.length() + 1, name.length() - "_fkey".length());
        return new InvalidInputException(camelCase(column), "refers to a record that does not exist");
    }

    private static String camelCase(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** A row still referenced elsewhere cannot be deleted. */
    public static ConflictException inUse(String resource, long id) {
        return new ConflictException("in-use", resource + " " + id + " is still referenced and cannot be deleted");
    }
}
