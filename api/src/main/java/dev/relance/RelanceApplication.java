package dev.relance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Relance: the API, the engine, and (with no configuration) an embedded database and mailbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RelanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelanceApplication.class, args);
    }
}
