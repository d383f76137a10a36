package dev.relance.templates;

import java.util.List;

/**
 * One email as it will be sent.
 *
 * @param subject one line, never blank, except empty for a template without subject (a reply-in-thread
 *     step, whose subject is "Re: " + the thread's)
 * @param html sanitised HTML body (a fragment, footer included), or null for a plain-text-only email
 * @param text plain-text body: as written, or derived from the HTML; footer included
 * @param links the absolute http(s) links of the body, in order, for click tracking (the HTML's links
 *     when there is HTML, else those of the text; never the footer's unsubscribe link)
 * @param warnings what a person should look at (preview only: missing variables rendered empty...)
 */
public record RenderedEmail(String subject, String html, String text, List<String> links, List<String> warnings) {
}
