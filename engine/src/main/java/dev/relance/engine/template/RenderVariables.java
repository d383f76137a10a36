package dev.relance.engine.template;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.relance.engine.mailbox.Mailbox;
import dev.relance.engine.prospect.Account;
import dev.relance.engine.prospect.Prospect;
import dev.relance.templates.RenderContext;

/**
 * The Liquid namespace of one recipient, as plain maps: prospect fields at the top level,
 * {@code account}, {@code custom}, {@code sender} and {@code unsubscribe_url}. Templates reach
 * nothing else.
 */
final class RenderVariables {

    private RenderVariables() {
    }

    static RenderContext contextOf(Recipient recipient, Clock clock) {
        Prospect p = recipient.prospect();
        Map<String, Object> variables = new HashMap<>();
        variables.put("first_name", p.firstName());
        variables.put("last_name", p.lastName());
        variables.put("email", p.email());
        variables.put("title", p.title());
        variables.put("phone", p.phone());
        variables.put("linkedin_url", p.linkedinUrl());
        variables.put("city", p.city());
        variables.put("country", p.country());
        variables.put("time_zone", p.timeZone());
        variables.put("locale", p.locale());
        variables.put("company", recipient.account() == null ? null : recipient.account().name());
        variables.put("custom", p.customFields() == null ? Map.of() : p.customFields());
        variables.put("account", account(recipient.account()));
        variables.put("sender", sender(recipient.sender()));
        variables.put("unsubscribe_url", recipient.unsubscribeUrl());
        return new RenderContext(variables, zoneOf(p, recipient.sender()), localeOf(p), recipient.spinSeed(), clock.instant());
    }

    private static Map<String, Object> account(Account account) {
        Map<String, Object> values = new HashMap<>();
        if (account != null) {
            values.put("name", account.name());
            values.put("domain", account.domain());
            values.put("website", account.website());
            values.put("industry", account.industry());
            values.put("country", account.country());
        }
        return values;
    }

    private static Map<String, Object> sender(Mailbox mailbox) {
        Map<String, Object> values = new HashMap<>();
        String name = mailbox.displayName().trim();
        int space = name.indexOf(' ');
        values.put("name", name);
        values.put("first_name", space < 0 ? name : name.substring(0, space));
        values.put("last_name", space < 0 ? "" : name.substring(space + 1));
        values.put("email", mailbox.emailAddress());
        values.put("signature", mailbox.signatureHtml());
        values.put("postal_address", mailbox.postalAddress());
        return values;
    }

    private static ZoneId zoneOf(Prospect prospect, Mailbox mailbox) {
        if (prospect.timeZone() != null) {
            return ZoneId.of(prospect.timeZone());
        }
        return mailbox.timeZone() != null ? ZoneId.of(mailbox.timeZone()) : ZoneOffset.UTC;
    }

    private static Locale localeOf(Prospect prospect) {
        return prospect.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(prospect.locale());
    }
}
