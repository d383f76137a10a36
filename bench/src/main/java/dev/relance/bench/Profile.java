package dev.relance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.function.Supplier;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Java Flight Recording of the measured run only, when {@code -Dbench.jfr=<file>} asks for one:
 * the JDK's "profile" settings (method samples every 10-20 ms, socket and lock events), without the
 * setup and warm-up around it. Read it with {@code jfr view hot-methods <file>} or JDK Mission Control.
 */
final class Profile {

    private Profile() {
    }

    static <T> T during(Supplier<T> measured) {
        String file = System.getProperty("bench.jfr");
        if (file == null || file.isBlank()) {
            return measured.get();
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setDestination(Path.of(file));
            recording.start();
            T result = measured.get();
            recording.stop();
            System.out.println("profile of the measured run written to " + file);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("the JDK's profile settings do not parse", e);
        }
    }
}
