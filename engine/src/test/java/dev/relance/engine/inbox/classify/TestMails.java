package dev.relance.engine.inbox.classify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hand-written messages for classifier tests: {@code aMail().from(...).header(...).body(...).bytes()}. */
final class TestMails {

    private final List<String> headers = new ArrayList<>();
    private String body = "";

    private TestMails() {
        headers.add("Date: Mon, 2 Mar 2026 09:00:00 +0100");
        headers.add("Message-ID: <incoming-1@example.org>");
    }

    static TestMails aMail() {
        return new TestMails().from("Jane Doe <jane@acme.example>").to("sales@relance.example").subject("Re: Hello");
    }

    TestMails from(String from) {
        return replace("From", from);
    }

    TestMails to(String to) {
        return replace("To", to);
    }

    TestMails subject(String subject) {
        return replace("Subject", subject);
    }

    TestMails header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    TestMails body(String text) {
        this.body = text;
        return this;
    }

    private TestMails replace(String name, String value) {
        headers.removeIf(line -> line.startsWith(name + ":"));
        headers.add(name + ": " + value);
        return this;
    }

    byte[] bytes() {
        boolean hasType = headers.stream().anyMatch(line -> line.startsWith("Content-Type:"));
        List<String> all = new ArrayList<>(headers);
        if (!hasType) {
            all.add("MIME-Version: 1.0");
            all.add("Content-Type: text/plain; charset=UTF-8");
            all.add("Content-Transfer-Encoding: 8bit");
        }
        return (String.join("\r\n", all) + "\r\n\r\n" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }
}
