package dev.relance.api.tracking;

import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * The small pages a recipient sees: the unsubscribe confirmation (whose form posts back to the
 * same URL), the unsubscribed page, and the page of a link that is not valid. English, or French
 * when the browser prefers it. Everything printed is escaped.
 */
final class TrackingPages {

    private TrackingPages() {
    }

    private record Texts(String lang, String confirmTitle, String confirmText, String button, String doneTitle,
            String doneText, String invalidTitle, String invalidText) {
    }

    private static final Texts ENGLISH = new Texts("en", "Unsubscribe",
            "Do you want to stop receiving these emails? Confirm below.", "Unsubscribe", "You are unsubscribed",
            "You will not receive any more of these emails.", "Link not valid",
            "This link is not valid or no longer exists.");

    private static final Texts FRENCH = new Texts("fr", "Se désinscrire",
            "Vous ne souhaitez plus recevoir ces e-mails ? Confirmez ci-dessous.", "Me désinscrire",
            "Vous êtes désinscrit", "Vous ne recevrez plus ces e-mails.", "Lien non valide",
            "Ce lien n'est pas valide ou n'existe plus.");

    static String confirm(Locale locale) {
        Texts t = texts(locale);
        // No action attribute: the form posts to the page's own URL, whatever the public host.
        return page(t, t.confirmTitle(), "<p>" + h(t.confirmText()) + "</p>\n<form method=\"post\">"
                + "<input type=\"hidden\" name=\"confirm\" value=\"yes\">"
                + "<button type=\"submit\">" + h(t.button()) + "</button></form>");
    }

    static String unsubscribed(Locale locale) {
        Texts t = texts(locale);
        return page(t, t.doneTitle(), "<p>" + h(t.doneText()) + "</p>");
    }

    static String invalid(Locale locale) {
        Texts t = texts(locale);
        return page(t, t.invalidTitle(), "<p>" + h(t.invalidText()) + "</p>");
    }

    private static Texts texts(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? FRENCH : ENGLISH;
    }

    private static String page(Texts t, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}\
                button{font-size:1rem;padding:.5rem 1.25rem}</style></head>
                <body><main><h1>%s</h1>
                %s
                </main></body></html>
                """.formatted(h(t.lang()), h(title), h(title), body);
    }

    private static String h(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
