package dev.relance.engine.tracking;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * What a signed link points at: the email of one enrollment step, for one purpose, and for a click
 * the position of the link in the recorded HTML.
 *
 * @param linkIndex for {@link TokenPurpose#CLICK}, the position of the link among the {@code href}s
 *     of the recorded HTML body (see {@link TrackedHtml}); -1 for the other purposes
 */
public record LinkTarget(TokenPurpose purpose, long enrollmentId, long stepId, int linkIndex) {

    private static final int VERSION = 1;

    public LinkTarget {
        if (purpose == null || enrollmentId < 0 || stepId < 0) {
            throw new IllegalArgumentException("a link target needs a purpose and ids");
        }
        if ((purpose == TokenPurpose.CLICK) != (linkIndex >= 0)) {
            throw new IllegalArgumentException("a click target, and only a click target, has a link index");
        }
    }

    static LinkTarget unsubscribe(long enrollmentId, long stepId) {
        return new LinkTarget(TokenPurpose.UNSUBSCRIBE, enrollmentId, stepId, -1);
    }

    /**
     * The plaintext sealed in a token: a version-and-purpose byte, then the ids as unsigned
     * variable-length integers (7 bits a byte), so that tokens stay short.
     */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        out.write(VERSION << 4 | purpose.code);
        varint(enrollmentId, out);
        varint(stepId, out);
        if (purpose == TokenPurpose.CLICK) {
            varint(linkIndex, out);
        }
        return out.toByteArray();
    }

    static Optional<LinkTarget> parse(byte[] bytes) {
        if (bytes.length < 3 || bytes[0] >>> 4 != VERSION) {
            return Optional.empty();
        }
        TokenPurpose purpose = TokenPurpose.ofCode(bytes[0] & 0x0f);
        if (purpose == null) {
            return Optional.empty();
        }
        int[] at = {1};
        long enrollment = readVarint(bytes, at);
        long step = readVarint(bytes, at);
        long index = purpose == TokenPurpose.CLICK ? readVarint(bytes, at) : -1;
        if (enrollment < 0 || step < 0 || (purpose == TokenPurpose.CLICK && (index < 0 || index > Integer.MAX_VALUE))
                || at[0] != bytes.length) {
            return Optional.empty();
        }
        return Optional.of(new LinkTarget(purpose, enrollment, step, (int) index));
    }

    private static void varint(long value, ByteArrayOutputStream out) {
        long v = value;
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** The next varint, or -1 when the bytes end early or it does not fit a non-negative long. */
    private static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (at[0] >= bytes.length) {
                return -1;
            }
            int b = bytes[at[0]++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }
}
