package dev.relance.engine.mailbox;

/** How a connection to the mail server is protected. */
public enum TransportSecurity {
    /** Plain text: only for local sandboxes. */
    NONE,
    /** Upgrades a plain connection with STARTTLS (SMTP submission on 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS 465, IMAPS 993). */
    TLS
}
