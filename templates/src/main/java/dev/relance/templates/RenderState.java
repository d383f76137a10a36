package dev.relance.templates;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import liqp.TemplateContext;

/**
 * What one rendering carries besides the variables: the recipient's zone, language and clock for
 * the date filter, and the names of the variables found missing by {@code __req}. It travels in the
 * Liquid variables under a reserved name, which templates cannot use (validation refuses it).
 */
final class RenderState {

    static final String KEY = "__render";

    private final List<String> requiredNames;
    private final ZoneId zone;
    private final Locale locale;
    private final ZonedDateTime now;
    private final String nowText;
    private Set<String> missing;

    RenderState(List<String> requiredNames, ZoneId zone, Locale locale, ZonedDateTime now, String nowText) {
        this.requiredNames = requiredNames;
        this.zone = zone;
        this.locale = locale;
        this.now = now;
        this.nowText = nowText;
    }

    static RenderState of(TemplateContext context) {
        return context.get(KEY) instanceof RenderState state ? state : null;
    }

    ZoneId zone() {
        return zone;
    }

    Locale locale() {
        return locale;
    }

    ZonedDateTime now() {
        return now;
    }

    /** The {@code now} variable as templates see it (ISO-8601). */
    String nowText() {
        return nowText;
    }

    void missing(int nameIndex) {
        if (missing == null) {
            missing = new LinkedHashSet<>();
        }
        missing.add(nameIndex >= 0 && nameIndex < requiredNames.size() ? requiredNames.get(nameIndex) : "?");
    }

    List<String> missing() {
        return missing == null ? List.of() : new ArrayList<>(missing);
    }
}
