package dev.relance.engine.inbox.classify;

/** Tells the intent of a human reply; the default is deterministic phrase rules in English and French. */
public interface ReplyIntentRules {

    /**
     * @param replyText the reply with quoted text and signature already removed
     * @param subject the subject as received, may be null
     */
    IntentVerdict classify(String replyText, String subject);
}
