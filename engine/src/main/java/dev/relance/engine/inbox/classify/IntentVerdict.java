package dev.relance.engine.inbox.classify;

import java.util.List;

/**
 * The intent of a human reply and why it was chosen.
 *
 * @param referralName the person the reply points to, for {@link ReplyIntent#REFERRAL}, or null
 * @param referralEmail that person's address when given, or null
 * @param reasons the phrases that matched, in words a user can check
 */
public record IntentVerdict(ReplyIntent intent, String referralName, String referralEmail, List<String> reasons) {

    public IntentVerdict {
        reasons = List.copyOf(reasons);
    }
}
