package dev.relance.templates;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * An email template compiled by {@link TemplateEngine#compile}: snippets expanded, spintax turned
 * into Liquid, HTML sanitised, every part parsed once. Immutable and safe to share between threads:
 * cache one per template version and render it for every recipient.
 */
public final class CompiledEmail {

    final LiquidPart subject;
    final LiquidPart html;
    final LiquidPart text;
    final boolean textDerived;
    final int[] spinArities;
    final String[] spinNames;
    final List<String> requiredNames;

    CompiledEmail(LiquidPart subject, LiquidPart html, LiquidPart text, boolean textDerived, int[] spinArities,
            List<String> requiredNames) {
        this.subject = subject;
        this.html = html;
        this.text = text;
        this.textDerived = textDerived;
        this.spinArities = spinArities.clone();
        this.spinNames = new String[spinArities.length];
        for (int k = 0; k < spinArities.length; k++) {
            spinNames[k] = Spintax.VARIABLE + k;
        }
        this.requiredNames = requiredNames;
    }

    /** Whether the email has an HTML body (else it is plain text only). */
    public boolean hasHtml() {
        return html != null;
    }

    /** Whether the template has a subject (a reply-in-thread step may not). */
    public boolean hasSubject() {
        return subject != null;
    }

    /** The variables this email prints without a fallback: rendering stops when one is blank. */
    public List<String> requiredVariables() {
        return List.copyOf(new LinkedHashSet<>(requiredNames));
    }

    /** How many spintax groups the email has. */
    public int spintaxGroups() {
        return spinArities.length;
    }
}
