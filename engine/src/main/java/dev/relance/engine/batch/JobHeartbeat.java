package dev.relance.engine.batch;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Marks this process's running jobs alive every {@code relance.batch.heartbeat-interval}. It is per
 * process on purpose (not a clustered Quartz job): each instance vouches only for what it runs, so a
 * long chunk never looks abandoned while its process lives.
 */
@Component
@EnableConfigurationProperties(BatchProperties.class)
class JobHeartbeat implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(JobHeartbeat.class);

    private final List<ResumableJobs> jobs;
    private final BatchProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("job-heartbeat").daemon().factory());

    JobHeartbeat(List<ResumableJobs> jobs, BatchProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        long millis = properties.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    void beat() {
        for (ResumableJobs kind : jobs) {
            try {
                kind.beat(clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat of {} failed: {}", kind.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
