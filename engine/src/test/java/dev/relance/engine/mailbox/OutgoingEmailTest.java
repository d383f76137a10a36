package dev.relance.engine.mailbox;

import static dev.relance.engine.mailbox.TestEmails.anEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.relance.engine.testing.MutableClock;
import dev.relance.engine.testing.TestClockConfiguration;

/** The checks an outgoing email passes before anything is built, and its Message-IDs. */
class OutgoingEmailTest {

    static Stream<Arguments> header_injections() {
        return Stream.of(
                injection("subject", () -> anEmail().withSubject("Hi\r\nBcc: x@victim.test")),
                injection("subject", () -> anEmail().withSubject("Hi\nBcc: x@victim.test")),
                injection("fromName", () -> anEmail().from("sam@relance.test", "Sam\r")),
                injection("toName", () -> anEmail().to("ada@prospect.test", "Ada\n")),
                injection("toAddress", () -> anEmail().to("ada@prospect.test\r\nBcc: x@y.test", null)),
                injection("messageId", () -> anEmail().withMessageId("a\r\n@relance.test")),
                injection("inReplyTo", () -> anEmail().inReplyTo("a@b\nX: y", List.of())),
                injection("references", () -> anEmail().inReplyTo(null, List.of("a@b\r\nX: y"))),
                injection("listUnsubscribeUrl", () -> anEmail().withUnsubscribe("https://relance.test/u\r\nX: y", null)),
                injection("listUnsubscribeMailto", () -> anEmail().withUnsubscribe(null, "u@relance.test\nX: y")));
    }

    private static Arguments injection(String field, Supplier<TestEmails> email) {
        return Arguments.of(field, email);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void header_injections(String field, Supplier<TestEmails> email) {
        assertThatThrownBy(() -> email.get().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field);
    }

    @Test
    void ids_go_without_angle_brackets_and_addresses_without_display_names() {
        assertThatThrownBy(() -> anEmail().withMessageId("<abc@relance.test>").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("angle brackets");
        assertThatThrownBy(() -> anEmail().withMessageId("no-at-sign").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anEmail().to("Ada <ada@prospect.test>", null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare address");
        assertThatThrownBy(() -> anEmail().withUnsubscribe("javascript:alert(1)", null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
    }

    @Test
    void a_bare_unsubscribe_address_becomes_a_mailto_uri() {
        assertThat(anEmail().withUnsubscribe(null, "u+tok@relance.test").build().listUnsubscribeMailto())
                .isEqualTo("mailto:u+tok@relance.test");
        assertThat(anEmail().withUnsubscribe(null, "mailto:u@relance.test?subject=stop").build().listUnsubscribeMailto())
                .isEqualTo("mailto:u@relance.test?subject=stop");
    }

    @Test
    void message_ids_are_random_on_the_mailbox_domain() {
        SplittableRandom random = new SplittableRandom(7);
        String first = MessageIds.newMessageId("Sam@Sales.Relance.TEST", random);
        String second = MessageIds.newMessageId("sam@sales.relance.test", random);

        assertThat(first).matches("[0-9a-f]{32}@sales\\.relance\\.test");
        assertThat(second).isNotEqualTo(first);
        assertThat(MessageIds.newMessageId("sam@société.test")).endsWith("@xn--socit-esab.test");
        assertThat(MessageIds.newMessageId("sam@relance.test")).isNotEqualTo(MessageIds.newMessageId("sam@relance.test"));
        assertThatThrownBy(() -> MessageIds.newMessageId("not-an-address")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_long_thread_folds_its_references_without_losing_any() throws Exception {
        List<String> thread = IntStream.range(0, 40).mapToObj(i -> "message." + i + "@relance.test").toList();
        MimeMessage message = MimeMessages.build(Session.getInstance(new Properties()),
                anEmail().inReplyTo(thread.getLast(), thread).build(), new MutableClock(TestClockConfiguration.START));

        String raw = message.getHeader("References", null);
        assertThat(raw.lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(998));
        assertThat(MimeUtility.unfold(raw).split(" ")).hasSize(40).startsWith("<message.0@relance.test>");
    }
}
