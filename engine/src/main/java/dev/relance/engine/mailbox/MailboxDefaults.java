package dev.relance.engine.mailbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pacing given to a mailbox whose draft leaves it out: a cautious pace for a warmed-up mailbox.
 *
 * @param dailyCap most emails a mailbox sends per day (default 200)
 * @param hourlyCap most emails a mailbox sends per hour (default 40)
 * @param minSpacingSeconds least seconds between two sends of one mailbox (default 60)
 * @param spacingJitterSeconds random extra seconds between two sends (default 30)
 */
@ConfigurationProperties("relance.mailbox-defaults")
public record MailboxDefaults(Integer dailyCap, Integer hourlyCap, Integer minSpacingSeconds, Integer spacingJitterSeconds) {

    public MailboxDefaults {
        dailyCap = dailyCap == null ? 200 : dailyCap;
        hourlyCap = hourlyCap == null ? 40 : hourlyCap;
        minSpacingSeconds = minSpacingSeconds == null ? 60 : minSpacingSeconds;
        spacingJitterSeconds = spacingJitterSeconds == null ? 30 : spacingJitterSeconds;
    }

    int dailyCap(MailboxDraft draft) {
        return draft.dailyCap() == null ? dailyCap : draft.dailyCap();
    }

    int hourlyCap(MailboxDraft draft) {
        return draft.hourlyCap() == null ? hourlyCap : draft.hourlyCap();
    }

    int minSpacingSeconds(MailboxDraft draft) {
        return draft.minSpacingSeconds() == null ? minSpacingSeconds : draft.minSpacingSeconds();
    }

    int spacingJitterSeconds(MailboxDraft draft) {
        return draft.spacingJitterSeconds() == null ? spacingJitterSeconds : draft.spacingJitterSeconds();
    }
}
