package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.relance.RelanceApplication;
import dev.relance.api.support.Api;
import dev.relance.api.support.Json;
import dev.relance.api.support.Response;

/**
 * The README's run command in miniature: no datasource configured, so Relance starts its own
 * PostgreSQL in the data folder, seeds the first admin and the demo, and finds everything again
 * after a restart.
 */
class EmbeddedRunTest {

    private static final String ADMIN_PASSWORD = "first-start-password";

    @Test
    void with_no_configuration_relance_runs_on_an_embedded_database_that_survives_a_restart(@TempDir Path dataDir) {
        long prospectId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api admin = Api.anonymous(port(first)).withBasic("admin", ADMIN_PASSWORD);
            Response sequences = admin.get("/api/v1/sequences");
            assertThat(sequences.status()).isEqualTo(200);
            assertThat(sequences.json().get("items").get(0).get("name").asString()).startsWith("Demo");
            assertThat(sequences.json().get("items").get(0).get("stepCount").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(admin.get("/api/v1/prospects").json().get("items")).hasSize(5);
            assertThat(Api.anonymous(port(first)).get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
            prospectId = admin.post("/api/v1/prospects", Json.prospect("kept@restart.test")).json().get("id").asLong();
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api admin = Api.anonymous(port(second)).withBasic("admin", ADMIN_PASSWORD);
            assertThat(admin.get("/api/v1/prospects/" + prospectId).json().get("email").asString()).isEqualTo("kept@restart.test");
            assertThat(admin.get("/api/v1/users?role=ADMIN").json().get("items")).as("seeded once").hasSize(1);
            assertThat(admin.get("/api/v1/sequences").json().get("items")).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(RelanceApplication.class).run(
                "--relance.data-dir=" + dataDir,
                "--relance.embedded-postgres.port=0",
                "--relance.admin.initial-password=" + ADMIN_PASSWORD,
                "--relance.sandbox.smtp-port=" + freePort(),
                "--relance.sandbox.imap-port=" + freePort(),
                "--server.port=0");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
