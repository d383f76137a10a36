package dev.relance.engine.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads an import's file record by record, after its header line, and cleans each record, on a
 * thread of its own: the next chunk is parsed and cleaned while the step writes the current one.
 * At most {@code 2 × chunk size} cleaned rows wait in memory.
 *
 * <p>Restartable: the count saved with each committed chunk is that of the rows handed to the step
 * (not of those read ahead), and a restart skips that many records before reading on. A restarted
 * import thus writes each row exactly once.
 */
class ImportFileReader implements ItemStreamReader<ImportItem> {

    static final String READ_COUNT = "importFile.read.count";

    private static final Object END = new Object();

    private final Path file;
    private final FileFormat format;
    private final RowCleaner cleaner;
    private final BlockingQueue<Object> ahead;
    private CountingInputStream bytes;
    private CsvReader csv;
    private boolean broken;
    private Thread producer;
    private long handedOut;
    private boolean ended;

    ImportFileReader(Path file, FileFormat format, RowCleaner cleaner, int chunkSize) {
        this.file = file;
        this.format = format;
        this.cleaner = cleaner;
        this.ahead = new ArrayBlockingQueue<>(Math.max(2, 2 * chunkSize));
    }

    @Override
    public void open(ExecutionContext context) {
        handedOut = context.getLong(READ_COUNT, 0L);
        try {
            bytes = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
            csv = new CsvReader(format.reader(bytes), format.delimiter());
            csv.next();
            for (long skipped = 0; skipped < handedOut && nextRecord() != null; skipped++) {
                // the rows of the committed chunks are in already
            }
        } catch (IOException e) {
            throw new ItemStreamException("could not open " + file, e);
        }
        producer = Thread.ofPlatform().daemon().name("import-reader-" + file.getFileName()).start(this::produce);
    }

    @Override
    public ImportItem read() throws Exception {
        if (ended) {
            return null;
        }
        Object next = ahead.take();
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof Failure(Throwable cause)) {
            ended = true;
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
        handedOut++;
        return (ImportItem) next;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(READ_COUNT, handedOut);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.interrupt();
            try {
                producer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer = null;
        }
        ahead.clear();
        try {
            if (csv != null) {
                csv.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("could not close " + file, e);
        }
    }

    private void produce() {
        try {
            RawRecord record;
            while ((record = nextRecord()) != null) {
                ahead.put(cleaner.clean(record));
            }
            ahead.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            try {
                ahead.put(new Failure(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private RawRecord nextRecord() throws IOException {
        if (broken) {
            return null;
        }
        while (true) {
            List<String> fields;
            try {
                fields = csv.next();
            } catch (CsvReader.UnterminatedQuoteException e) {
                broken = true;
                return new RawRecord(csv.recordLine(), List.of(), bytes.count(), e.getMessage()
                        + "; the rest of the file could not be read");
            }
            if (fields == null) {
                return null;
            }
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                continue;
            }
            return new RawRecord(csv.recordLine(), fields, bytes.count(), null);
        }
    }

    /** What stopped the reading thread, to rethrow on the step's thread. */
    private record Failure(Throwable cause) {
    }
}
