package dev.relance.engine.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.relance.engine.prospect.ProspectImports;
import dev.relance.engine.prospect.SuppressionService;
import dev.relance.engine.support.NotFoundException;

/**
 * The import job: one chunk-oriented step, reader (the file, parsed and cleaned on a thread of its
 * own) → writer (set-based upserts), identified by the import's id so that a restart resumes the same
 * job instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class ImportJobConfiguration {

    static final String JOB_NAME = "prospectImport";

    @Bean
    Job prospectImportJob(JobRepository jobs, Step importRows, ImportJobListener listener) {
        return new JobBuilder(JOB_NAME, jobs).listener(listener).start(importRows).build();
    }

    @Bean
    Step importRows(JobRepository jobs, PlatformTransactionManager transactions, ImportProperties properties,
            ImportFileReader importFileReader, ImportWriter importWriter) {
        return new StepBuilder("importRows", jobs).<ImportItem, ImportItem>chunk(properties.chunkSize())
                .transactionManager(transactions).reader(importFileReader).writer(importWriter).build();
    }

    @Bean
    @StepScope
    ImportFileReader importFileReader(@Value("#{jobParameters['importId']}") Long importId, ImportRepository imports,
            ImportProperties properties) {
        ImportRepository.Row row = imports.findById(importId).orElseThrow(() -> new NotFoundException("import", importId));
        return new ImportFileReader(Path.of(row.filePath()), formatOf(row),
                new RowCleaner(ImportService.mappingOf(row), row.ownerId()), properties.chunkSize());
    }

    @Bean
    @StepScope
    ImportWriter importWriter(@Value("#{jobParameters['importId']}") Long importId, ImportRepository imports,
            ProspectImports prospects, SuppressionService suppressions, ChunkInterruptions interruptions, Clock clock) {
        ImportRepository.Row row = imports.findById(importId).orElseThrow(() -> new NotFoundException("import", importId));
        boolean ownerColumn = Boolean.TRUE.equals(row.options().get("ownerColumnAllowed"));
        return new ImportWriter(importId, row.policy(), ownerColumn, imports, prospects, suppressions, interruptions, clock);
    }

    static FileFormat formatOf(ImportRepository.Row row) {
        return new FileFormat(Charset.forName(row.charset()), ((Number) row.options().get("bomLength")).intValue(),
                row.delimiter().charAt(0));
    }
}
