package dev.relance.templates.stock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The starter cadences shipped with Relance: Predictable Revenue style prospecting
 * ({@code cold-calling-referral}, {@code direct-value}) and a slower nurturing sequence
 * ({@code nurture}), each in English and French. They are text resources in this package's resource
 * folder, listed by its {@code index.txt}; the format is described in the {@code README.md} there.
 *
 * <p>The resources are read once, on first use. A malformed file is a bug in our own content: it
 * throws an {@link IllegalStateException} that names the file and the line, on every call.
 */
public final class StockCadences {

    private static final String FOLDER = "/dev/relance/templates/stock/";
    private static final String INDEX = "index.txt";

    private static volatile List<StockCadence> cache;

    private StockCadences() {
    }

    /** Every stock cadence in every locale, in the order of the index; immutable. */
    public static List<StockCadence> all() {
        List<StockCadence> cadences = cache;
        if (cadences == null) {
            synchronized (StockCadences.class) {
                cadences = cache;
                if (cadences == null) {
                    cadences = load();
                    cache = cadences;
                }
            }
        }
        return cadences;
    }

    /**
     * The cadence {@code key} in {@code locale}. A locale with a region ({@code fr-CA}, {@code fr_FR})
     * falls back to its language; there is no fallback to another language, which the caller chooses.
     */
    public static Optional<StockCadence> find(String key, String locale) {
        Objects.requireNonNull(key, "key");
        String wanted = Objects.requireNonNull(locale, "locale").replace('_', '-').toLowerCase(Locale.ROOT);
        Optional<StockCadence> exact = all().stream()
                .filter(cadence -> cadence.key().equals(key) && cadence.locale().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
        int dash = wanted.indexOf('-');
        return exact.isPresent() || dash < 0 ? exact : find(key, wanted.substring(0, dash));
    }

    private static List<StockCadence> load() {
        List<String> index = read(INDEX);
        if (index == null) {
            throw new IllegalStateException("stock cadence index " + FOLDER + INDEX + " is missing from the classpath");
        }
        List<StockCadence> cadences = new ArrayList<>();
        for (StockCadenceParser.IndexEntry entry : StockCadenceParser.parseIndex(FOLDER + INDEX, index)) {
            List<String> lines = read(entry.fileName());
            if (lines == null) {
                throw new IllegalStateException("stock cadence " + FOLDER + INDEX + ", line " + entry.line()
                        + ": there is no file " + entry.fileName());
            }
            cadences.add(StockCadenceParser.parse(FOLDER + entry.fileName(), entry.key(), entry.locale(), lines));
        }
        return List.copyOf(cadences);
    }

    /** The lines of a resource of the stock folder, or null when it does not exist. */
    private static List<String> read(String name) {
        try (InputStream in = StockCadences.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stock cadence " + FOLDER + name, e);
        }
    }
}
