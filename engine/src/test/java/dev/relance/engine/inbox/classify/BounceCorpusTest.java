package dev.relance.engine.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Sisimai set-of-emails corpus (test resources, corpus/bounces) against the labels its own suite expects.
 * Labels in Sisimai's private x.0.9xx range are not RFC 3463 codes a server sent, but Sisimai's name for a
 * reason it guessed from words; they are left out of the status figure and counted on their own.
 */
class BounceCorpusTest {

    private static final String CORPUS = "/corpus/bounces/";
    private static final LocalDate RECEIVED_ON = LocalDate.of(2024, 1, 15);

    private record Label(String file, String status, String reason, boolean hard) {
        boolean privateStatus() {
            return status.matches("\\d\\.0\\.9\\d\\d");
        }
    }

    private static final Map<String, List<Label>> LABELS = new LinkedHashMap<>();
    private static final Map<String, InboundVerdict> VERDICTS = new LinkedHashMap<>();

    @BeforeAll
    static void classifyTheCorpus() {
        String tsv = new String(resource("labels.tsv"), StandardCharsets.UTF_8);
        tsv.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t", -1)).forEach(
                cells -> LABELS.computeIfAbsent(cells[0], file -> new ArrayList<>())
                        .add(new Label(cells[0], cells[1], cells[3], Boolean.parseBoolean(cells[4]))));
        InboundClassifier classifier = new InboundClassifier();
        LABELS.keySet().forEach(file -> VERDICTS.put(file, classifier.classify(resource(file), RECEIVED_ON)));
    }

    @Test
    void the_whole_corpus_is_classified() {
        assertThat(VERDICTS).hasSize(239);
    }

    @Test
    void hard_bounce_flags_agree_with_the_labels() {
        int agreed = 0;
        int rows = 0;
        int[][] matrix = new int[2][2];
        for (Label label : allLabels()) {
            boolean ours = ours(label) != null && ours(label).hard()
                    && VERDICTS.get(label.file()).kind() == InboundKind.BOUNCE;
            matrix[label.hard() ? 1 : 0][ours ? 1 : 0]++;
            rows++;
            if (ours == label.hard()) {
                agreed++;
            } else {
                System.out.printf("hard flag differs  %-26s labelled %-5s (%s) ours %s%n", label.file(), label.hard(),
                        label.reason(), describe(ours(label)));
            }
        }
        System.out.printf("%nhard flag             ours=false  ours=true%n");
        System.out.printf("labelled hard=false   %10d %10d%n", matrix[0][0], matrix[0][1]);
        System.out.printf("labelled hard=true    %10d %10d%n", matrix[1][0], matrix[1][1]);
        double percent = 100.0 * agreed / rows;
        System.out.printf("hard-bounce flag agreement: %d/%d = %.1f%%%n", agreed, rows, percent);
        assertThat(percent).isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void dsn_status_codes_agree_with_the_labels() {
        int agreed = 0;
        int rows = 0;
        int privateRows = 0;
        int privateSameClass = 0;
        for (Label label : allLabels()) {
            if (label.status().isEmpty()) {
                continue;
            }
            BouncedRecipient ours = ours(label);
            String status = ours == null ? null : ours.status();
            if (label.privateStatus()) {
                privateRows++;
                privateSameClass += status != null && status.charAt(0) == label.status().charAt(0) ? 1 : 0;
                continue;
            }
            rows++;
            if (label.status().equals(status)) {
                agreed++;
            } else {
                System.out.printf("status differs     %-26s labelled %-8s ours %s%n", label.file(), label.status(),
                        describe(ours));
            }
        }
        double percent = 100.0 * agreed / rows;
        System.out.printf("DSN status agreement (RFC 3463 labels): %d/%d = %.1f%%%n", agreed, rows, percent);
        System.out.printf("Sisimai private x.0.9xx labels: %d, same class (4 or 5) in %d%n", privateRows,
                privateSameClass);
        assertThat(percent).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    void auto_replies_complaints_and_ordinary_mail_are_told_apart() {
        printConfusionTable();
        VERDICTS.forEach((file, verdict) -> {
            if (file.startsWith("rfc3834-")) {
                assertThat(verdict.kind()).as(file + " " + verdict.reasons()).isEqualTo(InboundKind.AUTO_REPLY);
            }
            if (file.startsWith("arf-")) {
                assertThat(verdict.kind()).as(file + " " + verdict.reasons()).isEqualTo(InboundKind.COMPLAINT);
            }
            if (file.startsWith("is-not-bounce-")) {
                assertThat(verdict.kind()).as(file + " " + verdict.reasons()).isNotEqualTo(InboundKind.BOUNCE);
            }
        });
    }

    private static void printConfusionTable() {
        Map<String, Map<InboundKind, Integer>> table = new TreeMap<>();
        LABELS.forEach((file, labels) -> table.computeIfAbsent(labels.getFirst().reason(), reason -> new TreeMap<>())
                .merge(VERDICTS.get(file).kind(), 1, Integer::sum));
        System.out.printf("%n%-17s", "labelled \\ ours");
        for (InboundKind kind : InboundKind.values()) {
            System.out.printf("%16s", kind);
        }
        System.out.println("   (one count per file, by its first label)");
        table.forEach((reason, counts) -> {
            System.out.printf("%-17s", reason);
            for (InboundKind kind : InboundKind.values()) {
                System.out.printf("%16d", counts.getOrDefault(kind, 0));
            }
            System.out.println();
        });
    }

    private static List<Label> allLabels() {
        return LABELS.values().stream().flatMap(List::stream).toList();
    }

    /** Our recipient at the same position as the label among that file's rows, or null. */
    private static BouncedRecipient ours(Label label) {
        List<Label> rows = LABELS.get(label.file());
        List<BouncedRecipient> recipients = VERDICTS.get(label.file()).recipients();
        int index = rows.indexOf(label);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == label) {
                index = i;
            }
        }
        return index < recipients.size() ? recipients.get(index) : null;
    }

    private static String describe(BouncedRecipient recipient) {
        return recipient == null ? "none"
                : recipient.status() + " " + recipient.reason() + " hard=" + recipient.hard() + " [" + abbreviate(
                        recipient.diagnostic()) + "]";
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 110 ? text.substring(0, 110) + "..." : text;
    }

    private static byte[] resource(String name) {
        try (InputStream in = BounceCorpusTest.class.getResourceAsStream(CORPUS + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
