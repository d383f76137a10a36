package dev.relance.engine.mailbox;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import jakarta.mail.MessagingException;

/**
 * The few parts of Angus Mail's API the adapters need beyond Jakarta Mail's: SMTP reply codes, the
 * server's last reply, IMAP folder attributes and server capabilities.
 */
final class AngusMail {

    /** One recipient refused at RCPT, chained behind a SendFailedException. */
    static final Class<SMTPAddressFailedException> ADDRESS_FAILED = SMTPAddressFailedException.class;
    /** A command of the transaction refused or unanswered (MAIL FROM, DATA, the final dot), with its reply code. */
    static final Class<SMTPSendFailedException> SEND_FAILED = SMTPSendFailedException.class;

    private AngusMail() {
    }

    static boolean is(Throwable failure, Class<? extends Throwable> type) {
        return type.isInstance(failure);
    }

    /** The first throwable of the cause chain (where Jakarta Mail chains per-address failures) of that type. */
    static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /** The SMTP reply code an Angus exception carries, or -1 when it has none (connection lost: "[EOF]"). */
    static int replyCode(Throwable failure) {
        return switch (failure) {
            case SMTPAddressFailedException address -> address.getReturnCode();
            case SMTPSendFailedException send -> send.getReturnCode();
            case null, default -> -1;
        };
    }

    /** The SMTP command an Angus exception is about, such as {@code MAIL FROM:<sam@relance.test>}, or "". */
    static String failedCommand(Throwable failure) {
        String command = switch (failure) {
            case SMTPAddressFailedException address -> address.getCommand();
            case SMTPSendFailedException send -> send.getCommand();
            case null, default -> null;
        };
        return command == null ? "" : command;
    }

    /** The last reply of an SMTP transport, such as {@code 250 2.0.0 Ok: queued as 4F2A1}, or null. */
    static String lastServerResponse(Object smtpTransport) {
        if (smtpTransport instanceof SMTPTransport transport && transport.getLastServerResponse() != null) {
            return transport.getLastServerResponse().strip();
        }
        return null;
    }

    /** The attributes of an IMAP folder from its LIST reply, such as {@code \Sent} or {@code \Noselect}. */
    static String[] folderAttributes(Object imapFolder) {
        try {
            return imapFolder instanceof IMAPFolder folder && folder.getAttributes() != null ? folder.getAttributes()
                    : new String[0];
        } catch (MessagingException e) {
            return new String[0];
        }
    }

    /** Whether an IMAP store's server announced a capability, such as Gmail's {@code X-GM-EXT-1}. */
    static boolean hasCapability(Object imapStore, String capability) {
        try {
            return imapStore instanceof IMAPStore store && store.hasCapability(capability);
        } catch (MessagingException e) {
            return false;
        }
    }
}
