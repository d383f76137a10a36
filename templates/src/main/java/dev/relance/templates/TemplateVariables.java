package dev.relance.templates;

import java.util.Set;

/**
 * The Liquid names a template may use, filled in by the engine for each recipient (see
 * {@link RenderContext#variables()}):
 * <ul>
 * <li>prospect fields at the top level: {@code first_name last_name email title phone linkedin_url
 * city country time_zone locale company};</li>
 * <li>{@code account.name domain website industry country};</li>
 * <li>{@code custom.<key>}: the prospect's custom fields (keys checked against a {@link TemplateSchema});</li>
 * <li>{@code sender.first_name last_name name email signature postal_address}: the mailbox;
 * {@code sender.signature} is HTML (sanitised in HTML bodies, turned into text in text bodies);</li>
 * <li>{@code unsubscribe_url}: the recipient's signed unsubscribe link;</li>
 * <li>{@code now}: the instant of rendering (ISO-8601), from the engine's clock: use
 * {@code {{ now | date: "%A %-d %B" }}}, which prints in the prospect's zone and language.</li>
 * </ul>
 * Names that start with two underscores are reserved for the renderer.
 */
public final class TemplateVariables {

    public static final Set<String> PROSPECT_FIELDS = Set.of("first_name", "last_name", "email", "title", "phone",
            "linkedin_url", "city", "country", "time_zone", "locale", "company");
    public static final String ACCOUNT = "account";
    public static final Set<String> ACCOUNT_FIELDS = Set.of("name", "domain", "website", "industry", "country");
    public static final String CUSTOM = "custom";
    public static final String SENDER = "sender";
    public static final Set<String> SENDER_FIELDS = Set.of("first_name", "last_name", "name", "email", "signature",
            "postal_address");
    public static final String UNSUBSCRIBE_URL = "unsubscribe_url";
    public static final String NOW = "now";

    /** Variables whose values are HTML rather than text. */
    static final Set<String> HTML_VALUED = Set.of("sender.signature");

    /** Loop variables Liquid itself defines. */
    static final Set<String> LIQUID_DEFINED = Set.of("forloop", "tablerowloop");

    private TemplateVariables() {
    }

    /** Every top-level name: the prospect fields, the three maps, {@code unsubscribe_url} and {@code now}. */
    public static Set<String> topLevelNames() {
        var names = new java.util.TreeSet<>(PROSPECT_FIELDS);
        names.addAll(Set.of(ACCOUNT, CUSTOM, SENDER, UNSUBSCRIBE_URL, NOW));
        return Set.copyOf(names);
    }
}
