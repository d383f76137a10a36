package dev.relance.templates;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one rendering may read. {@code variables} is the whole Liquid namespace as plain
 * values (String, Number, Boolean, null, and nested Maps and Lists of those): templates reach no
 * other Java object. See {@link TemplateVariables} for the names the engine fills in.
 *
 * @param variables the Liquid variables: prospect fields at the top level, {@code account},
 *     {@code custom}, {@code sender} maps, {@code unsubscribe_url}
 * @param zone the prospect's time zone: date filters print in it
 * @param locale the prospect's locale: day and month names print in it ("mardi")
 * @param spinSeed seed of the spintax choices; the same seed (one per enrollment) picks the same words
 *     on every re-render and retry
 * @param now the instant of rendering, from the engine's clock (the {@code now} of templates)
 */
public record RenderContext(Map<String, Object> variables, ZoneId zone, Locale locale, long spinSeed, Instant now) {
}
