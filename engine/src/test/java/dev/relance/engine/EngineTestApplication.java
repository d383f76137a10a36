package dev.relance.engine;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the engine alone (no web) for its integration tests. */
@SpringBootApplication
public class EngineTestApplication {
}
