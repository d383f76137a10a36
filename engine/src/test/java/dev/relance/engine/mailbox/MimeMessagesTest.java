package dev.relance.engine.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

class MimeMessagesTest {

    @Test
    void the_transfer_encoding_is_the_one_jakarta_mail_would_pick() {
        List<String> texts = List.of("Hi Pat,\r\nshall we talk on Tuesday?\r\n", "Bonjour Zoé, à mardi ?",
                "日本語のメールです。よろしくお願いします。", "x".repeat(1200), "tab\there and a bell \u0007");
        for (String text : texts) {
            assertThat(MimeMessages.transferEncoding(text)).as(text)
                    .isEqualTo(MimeUtility.getEncoding(new DataHandler(text, "text/plain; charset=UTF-8")));
        }
    }
}
