package dev.relance.engine.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads an import's file record by record, after its header line. Restartable: Spring Batch saves
 * the count of records read with each committed chunk, and a restart skips that many.
 */
class ImportFileReader extends AbstractItemCountingItemStreamItemReader<RawRecord> {

    private final Path file;
    private final FileFormat format;
    private CountingInputStream bytes;
    private CsvReader csv;
    private boolean broken;

    ImportFileReader(Path file, FileFormat format) {
        this.file = file;
        this.format = format;
        setName("importFile");
    }

    @Override
    protected void doOpen() throws IOException {
        bytes = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
        csv = new CsvReader(format.reader(bytes), format.delimiter());
        csv.next();
    }

    @Override
    protected RawRecord doRead() throws IOException {
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

    @Override
    protected void doClose() throws IOException {
        if (csv != null) {
            csv.close();
        }
    }
}
