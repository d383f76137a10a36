package dev.relance.engine.mailbox;

import java.net.IDN;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Message-IDs for outgoing emails: 128 random bits on the sending mailbox's own domain, so that the
 * id reveals neither the sending time nor the host, and looks like any mail client's.
 */
public final class MessageIds {

    private static final RandomGenerator RANDOM = new SecureRandom();

    private MessageIds() {
    }

    /** A new Message-ID, without angle brackets, such as {@code 3f9c...e1@acme.com}. */
    public static String newMessageId(String mailboxAddress) {
        return newMessageId(mailboxAddress, RANDOM);
    }

    /** A new Message-ID drawn from the given generator (tests pass a seeded one). */
    public static String newMessageId(String mailboxAddress, RandomGenerator random) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()) + "@" + domainOf(mailboxAddress);
    }

    /** The lower-case ASCII (punycode) domain of an address: the Message-ID right part and the EHLO name. */
    static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not an email address: " + address);
        }
        return IDN.toASCII(address.substring(at + 1).trim()).toLowerCase(Locale.ROOT);
    }
}
