package dev.relance.engine.mailbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The few parts of Angus Mail's public API the adapters need beyond Jakarta Mail's: SMTP reply codes,
 * the server's last reply, IMAP folder attributes and server capabilities. Angus Mail is only a
 * runtime dependency of spring-boot-starter-mail, so its types are recognised by name and its
 * accessors called reflectively; with angus-mail on the compile classpath these become plain casts.
 */
final class AngusMail {

    private static final String SMTP = "org.eclipse.angus.mail.smtp.";
    /** One recipient refused at RCPT, chained behind a SendFailedException. */
    static final String ADDRESS_FAILED = SMTP + "SMTPAddressFailedException";
    /** A command of the transaction refused or unanswered (MAIL FROM, DATA, the final dot), with its reply code. */
    static final String SEND_FAILED = SMTP + "SMTPSendFailedException";

    private AngusMail() {
    }

    static boolean is(Throwable failure, String className) {
        return failure != null && failure.getClass().getName().equals(className);
    }

    /** The first throwable of the cause chain (where Jakarta Mail chains per-address failures) of that class. */
    static Throwable find(Throwable failure, String className) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (is(t, className)) {
                return t;
            }
        }
        return null;
    }

    /** The SMTP reply code an Angus exception carries, or -1 when it has none (connection lost: "[EOF]"). */
    static int replyCode(Throwable failure) {
        Object code = call(failure, "getReturnCode");
        return code instanceof Integer value ? value : -1;
    }

    /** The SMTP command an Angus exception is about, such as {@code MAIL FROM:<sam@relance.test>}, or "". */
    static String failedCommand(Throwable failure) {
        Object command = call(failure, "getCommand");
        return command == null ? "" : command.toString();
    }

    /** The last reply of an SMTP transport, such as {@code 250 2.0.0 Ok: queued as 4F2A1}, or null. */
    static String lastServerResponse(Object smtpTransport) {
        Object reply = call(smtpTransport, "getLastServerResponse");
        return reply == null ? null : reply.toString().strip();
    }

    /** The attributes of an IMAP folder from its LIST reply, such as {@code \Sent} or {@code \Noselect}. */
    static String[] folderAttributes(Object imapFolder) {
        Object attributes = call(imapFolder, "getAttributes");
        return attributes instanceof String[] values ? values : new String[0];
    }

    /** Whether an IMAP store's server announced a capability, such as Gmail's {@code X-GM-EXT-1}. */
    static boolean hasCapability(Object imapStore, String capability) {
        return Boolean.TRUE.equals(call(imapStore, "hasCapability", capability));
    }

    private static Object call(Object target, String method, String... arguments) {
        if (target == null) {
            return null;
        }
        try {
            Class<?>[] types = new Class<?>[arguments.length];
            Arrays.fill(types, String.class);
            Method accessor = target.getClass().getMethod(method, types);
            return accessor.invoke(target, (Object[]) arguments);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            return null;
        }
    }
}
