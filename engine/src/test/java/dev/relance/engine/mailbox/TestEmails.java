package dev.relance.engine.mailbox;

import java.util.List;
import java.util.SplittableRandom;

/** Builds valid outgoing emails for tests: {@code anEmail().from("sam@relance.test").withSubject("Hi").build()}. */
final class TestEmails {

    private static final SplittableRandom RANDOM = new SplittableRandom(42);

    private String messageId;
    private String fromAddress = "sam@relance.test";
    private String fromName = "Sam Seller";
    private String toAddress = "ada@prospect.test";
    private String toName = "Ada Lovelace";
    private String subject = "Quick question";
    private String textBody = "Hi Ada,\n\nWorth a chat?\n\nSam";
    private String htmlBody;
    private String inReplyTo;
    private List<String> references = List.of();
    private String unsubscribeUrl;
    private String unsubscribeMailto;

    private TestEmails() {
    }

    static TestEmails anEmail() {
        return new TestEmails();
    }

    TestEmails from(String address, String name) {
        this.fromAddress = address;
        this.fromName = name;
        return this;
    }

    TestEmails to(String address, String name) {
        this.toAddress = address;
        this.toName = name;
        return this;
    }

    TestEmails withMessageId(String value) {
        this.messageId = value;
        return this;
    }

    TestEmails withSubject(String value) {
        this.subject = value;
        return this;
    }

    TestEmails withText(String value) {
        this.textBody = value;
        return this;
    }

    TestEmails withHtml(String value) {
        this.htmlBody = value;
        return this;
    }

    TestEmails inReplyTo(String value, List<String> thread) {
        this.inReplyTo = value;
        this.references = thread;
        return this;
    }

    TestEmails withUnsubscribe(String url, String mailto) {
        this.unsubscribeUrl = url;
        this.unsubscribeMailto = mailto;
        return this;
    }

    OutgoingEmail build() {
        String id = messageId != null ? messageId : MessageIds.newMessageId(fromAddress, RANDOM);
        return new OutgoingEmail(id, fromAddress, fromName, toAddress, toName, subject, textBody, htmlBody, inReplyTo,
                references, unsubscribeUrl, unsubscribeMailto);
    }
}
