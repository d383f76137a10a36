package dev.relance.engine.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a CSV file is written: its charset, the length of its byte-order mark and its separator.
 * Spreadsheets export UTF-8 with or without a BOM, Windows-1252 (French Excel), or UTF-16 with a BOM;
 * the separator is whichever of {@code , ; TAB} the header line uses most.
 */
record FileFormat(Charset charset, int bomLength, char delimiter) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', ';', '\t'};

    /** Detects what is not declared; a declared charset or delimiter wins. */
    static FileFormat detect(Path file, Charset declaredCharset, Character declaredDelimiter) throws IOException {
        byte[] head = new byte[4];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, 4);
        }
        int bom = 0;
        Charset charset;
        if (headLength >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            bom = 3;
            charset = StandardCharsets.UTF_8;
        } else if (headLength >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            bom = 2;
            charset = StandardCharsets.UTF_16LE;
        } else if (headLength >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            bom = 2;
            charset = StandardCharsets.UTF_16BE;
        } else {
            charset = isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        if (declaredCharset != null) {
            charset = declaredCharset;
        }
        char delimiter = declaredDelimiter != null ? declaredDelimiter : delimiterOf(headerLine(file, charset, bom));
        return new FileFormat(charset, bom, delimiter);
    }

    /** A reader of the file's text after the byte-order mark, over the given stream of its bytes. */
    Reader reader(InputStream bytes) throws IOException {
        bytes.skipNBytes(bomLength);
        return new InputStreamReader(bytes, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Whether every byte of the file decodes as UTF-8, read in a stream (the file is never held whole). */
    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                if (decoder.decode(bytes, chars, end).isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            return !decoder.flush(chars).isError() && bytes.position() == 0;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String headerLine(Path file, Charset charset, int bom) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bom);
            byte[] head = in.readNBytes(64 * 1024);
            String text = new String(head, charset);
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        }
    }

    private static char delimiterOf(String header) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : DELIMITERS) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
