package dev.relance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import dev.relance.api.support.Api;
import dev.relance.api.support.ApiFixtures;
import dev.relance.api.support.ApiFixtures.SignedIn;
import dev.relance.api.support.ApiTest;
import dev.relance.api.support.Response;
import dev.relance.engine.imports.Import;
import dev.relance.engine.imports.ImportService;
import dev.relance.engine.support.PageRequest;
import dev.relance.engine.user.Role;
import tools.jackson.databind.JsonNode;

/** CSV imports through HTTP: uploads (multipart and raw), progress, problem report, limits and access. */
@ApiTest
@TestPropertySource(properties = {"relance.imports.max-upload-size=64KB",
        "relance.imports.directory=target/import-api-test"})
class ImportApiTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Path FOLDER = Path.of("target/import-api-test");

    @Autowired
    ApiFixtures fixtures;
    @Autowired
    ImportService imports;
    @Autowired
    Environment environment;

    String domain;

    @BeforeEach
    void domain() {
        domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @Test
    void an_sdr_uploads_a_french_excel_file_as_multipart_and_follows_it_to_completion() throws Exception {
        SignedIn sdr = fixtures.signIn(Role.SDR);
        String csv = "Prénom;Nom;E-mail;Entreprise;Pays\r\n"
                + "Léa;Bérénice;lea@" + domain + ";Société Générale;France\r\n"
                + "Zoé;Noël;pas-un-email;Société Générale;France\r\n";
        Response started = multipart(fixtures.as(sdr), "/api/v1/imports?duplicatePolicy=OVERWRITE", "contacts.csv",
                csv.getBytes(CP1252));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/imports/" + started.json().get("id").asLong());
        JsonNode done = finished(fixtures.as(sdr), started.json().get("id").asLong());
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("charset").asString()).isEqualTo("windows-1252");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(2);
        assertThat(done.get("created").asLong()).isEqualTo(1);
        assertThat(done.get("failed").asLong()).isEqualTo(1);
        assertThat(done.get("percentage").asDouble()).isEqualTo(100.0);
        assertThat(done.get("ownerId").asLong()).isEqualTo(sdr.id());

        Response prospects = fixtures.as(sdr).get("/api/v1/prospects?email=lea@" + domain);
        JsonNode lea = prospects.json().get("items").get(0);
        assertThat(lea.get("firstName").asString()).isEqualTo("Léa");
        assertThat(lea.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(lea.get("ownerId").asLong()).isEqualTo(sdr.id());

        Response errors = fixtures.as(sdr).get("/api/v1/imports/" + done.get("id").asLong() + "/errors");
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.contentType()).startsWith("text/csv");
        assertThat(errors.body()).isEqualTo("line,column,value,problem,action\r\n"
                + "3,E-mail,pas-un-email,is not an email address,ROW_REJECTED\r\n");
    }

    @Test
    void an_admin_streams_a_raw_csv_body_with_an_explicit_mapping_and_a_second_run_changes_nothing() throws Exception {
        Api admin = fixtures.as(Role.ADMIN);
        String csv = "Contact,Boîte\nann@" + domain + ",Acme\nbob@" + domain + ",Acme\n";
        String path = "/api/v1/imports?mapping=%7B%22Contact%22%3A%22email%22%2C%22Bo%C3%AEte%22%3A%22company%22%7D";
        JsonNode first = finished(admin, raw(admin, path, csv).json().get("id").asLong());
        JsonNode second = finished(admin, raw(admin, path, csv).json().get("id").asLong());

        assertThat(first.get("created").asLong()).isEqualTo(2);
        assertThat(second.get("created").asLong()).isZero();
        assertThat(second.get("updated").asLong()).isZero();
        assertThat(second.get("unchanged").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/v1/accounts?domain=" + domain).json().get("items").get(0).get("name").asString())
                .isEqualTo("Acme");
    }

    @Test
    void a_file_without_email_column_or_without_bytes_is_refused_before_any_job_starts() throws Exception {
        Api sdr = fixtures.as(Role.SDR);
        long before = newestImportId();

        Response noEmail = raw(sdr, "/api/v1/imports", "Name,Company\nAnn,Acme\n");
        Response empty = raw(sdr, "/api/v1/imports", "");
        Response badPolicy = raw(sdr, "/api/v1/imports?duplicatePolicy=MERGE", "email\na@" + domain + "\n");

        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.isProblem()).isTrue();
        assertThat(noEmail.json().get("errors").get(0).get("message").asString()).contains("no column holds email addresses");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
        assertThat(badPolicy.status()).isEqualTo(400);
        assertThat(newestImportId()).as("no import was created").isEqualTo(before);
    }

    @Test
    void uploads_over_the_limit_get_413_and_leave_nothing_behind() throws Exception {
        Api sdr = fixtures.as(Role.SDR);
        long before = newestImportId();
        long filesBefore = importFiles();
        String big = "email\n" + ("x@" + domain + "\n").repeat(5_000);

        Response streamed = sdr.withHeader("Content-Type", "text/csv").sendRaw("POST", "/api/v1/imports",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
        Response multipart = multipart(sdr, "/api/v1/imports", "big.csv", big.getBytes(StandardCharsets.UTF_8));
        String claimed = claimedHugeContentLength(fixtures.signIn(Role.SDR).token());

        assertThat(streamed.status()).as(streamed.toString()).isEqualTo(413);
        assertThat(streamed.isProblem()).isTrue();
        assertThat(multipart.status()).as(multipart.toString()).isEqualTo(413);
        assertThat(multipart.isProblem()).isTrue();
        assertThat(claimed).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("payload-too-large");
        assertThat(newestImportId()).as("no import was created").isEqualTo(before);
        assertThat(importFiles()).isEqualTo(filesBefore);
    }

    private long newestImportId() {
        return imports.list(PageRequest.first(1), null).items().stream().mapToLong(Import::id).findFirst().orElse(0);
    }

    private static long importFiles() throws IOException {
        Files.createDirectories(FOLDER);
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.count();
        }
    }

    @Test
    void managers_read_imports_sdrs_see_only_their_own_and_a_completed_import_cannot_restart() throws Exception {
        Api admin = fixtures.as(Role.ADMIN);
        long id = finished(admin, raw(admin, "/api/v1/imports", "email\nm@" + domain + "\n").json().get("id").asLong())
                .get("id").asLong();

        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/imports/" + id).status()).isEqualTo(200);
        assertThat(fixtures.as(Role.MANAGER).get("/api/v1/imports/" + id + "/errors").status()).isEqualTo(200);
        assertThat(fixtures.as(Role.SDR).get("/api/v1/imports/" + id).status()).isEqualTo(404);
        assertThat(fixtures.as(Role.MARKETER).get("/api/v1/imports/" + id).status()).isEqualTo(403);
        Response restart = admin.post("/api/v1/imports/" + id + "/restart", null);
        assertThat(restart.status()).isEqualTo(409);
        assertThat(restart.isProblem()).isTrue();
    }

    @Test
    void the_import_list_pages_newest_first_with_an_opaque_cursor_and_an_sdr_sees_only_their_own() throws Exception {
        Api sdr = fixtures.as(fixtures.signIn(Role.SDR));
        long[] ids = new long[3];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = finished(sdr, raw(sdr, "/api/v1/imports", "email\np" + i + "@" + domain + "\n").json().get("id")
                    .asLong()).get("id").asLong();
        }

        JsonNode first = sdr.get("/api/v1/imports?limit=2").json();
        JsonNode second = sdr.get("/api/v1/imports?limit=2&cursor=" + first.get("nextCursor").asString()).json();
        JsonNode otherSdr = fixtures.as(Role.SDR).get("/api/v1/imports?limit=500").json();

        assertThat(first.get("items").valueStream().map(i -> i.get("id").asLong())).containsExactly(ids[2], ids[1]);
        assertThat(first.get("nextCursor").asString()).doesNotContain(String.valueOf(ids[1]));
        assertThat(second.get("items").valueStream().map(i -> i.get("id").asLong())).containsExactly(ids[0]);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(otherSdr.get("items").valueStream().map(i -> i.get("id").asLong())).doesNotContain(ids[0], ids[1], ids[2]);
        assertThat(sdr.get("/api/v1/imports?cursor=not-a-cursor").status()).isEqualTo(400);
    }

    private JsonNode finished(Api api, long id) throws Exception {
        imports.awaitRun(id, Duration.ofMinutes(1));
        Response response = api.get("/api/v1/imports/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Response raw(Api api, String path, String csv) {
        return api.withHeader("Content-Type", "text/csv").sendRaw("POST", path,
                HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
    }

    private static Response multipart(Api api, String path, String fileName, byte[] content) {
        String boundary = "----relance" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.withHeader("Content-Type", "multipart/form-data; boundary=" + boundary).sendRaw("POST", path,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** A request that claims 10 GB but sends a few bytes: java.net.http will not send a false Content-Length. */
    private String claimedHugeContentLength(String token) throws IOException {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: text/csv\r\nContent-Length: 10000000000\r\nConnection: close\r\n\r\nemail\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
    }
}
