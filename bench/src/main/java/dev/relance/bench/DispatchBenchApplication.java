package dev.relance.bench;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The engine alone, without web, as {@link DispatchBenchmark} boots it: every engine component and
 * Spring Boot's auto-configuration (datasource, Flyway migrations, transactions, mail...).
 */
@SpringBootApplication(scanBasePackages = "dev.relance.engine", proxyBeanMethods = false)
class DispatchBenchApplication {
}
