package dev.relance.api.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.relance.api.problem.PayloadTooLargeException;
import dev.relance.api.problem.ProblemTypes;
import dev.relance.api.problem.Problems;
import dev.relance.api.security.RelanceUser;
import dev.relance.engine.idempotency.IdempotencyOutcome;
import dev.relance.engine.idempotency.IdempotencyService;
import dev.relance.engine.idempotency.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours the {@code Idempotency-Key} header on POSTs: the first request runs, its retries with the
 * same key and body get the same answer (marked {@code Idempotent-Replayed: true}); the same key
 * with another body is refused. Runs after authentication: keys are per user.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyService idempotency;
    private final JsonMapper json;

    public IdempotencyFilter(IdempotencyService idempotency, JsonMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Import uploads are not held in memory to be hashed; importing the same file twice changes nothing anyway.
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/imports");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof RelanceUser user)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.of("invalid-idempotency-key"),
                    "Invalid Idempotency-Key", "the key must be 1 to 255 visible ASCII characters"), json);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException e) {
            Problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "Payload too large", e.getMessage()), json);
            return;
        }
        switch (idempotency.begin(user.id(), key, fingerprint(request, body))) {
            case IdempotencyOutcome.Proceed p -> runAndRemember(new CachedBodyRequest(request, body), response, chain, user.id(), key);
            case IdempotencyOutcome.Replay replay -> replay(replay.response(), response);
            case IdempotencyOutcome.InProgress p -> Problems.write(response, Problems.of(HttpStatus.CONFLICT,
                    ProblemTypes.of("idempotency-key-in-use"), "Request in progress",
                    "a request with this Idempotency-Key is still running; retry in a moment"), json);
            case IdempotencyOutcome.Mismatch m -> Problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    ProblemTypes.of("idempotency-key-reused"), "Idempotency-Key reused",
                    "this Idempotency-Key was used for a different request"), json);
        }
    }

    private void runAndRemember(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long userId,
            String key) throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() < 500) {
                idempotency.complete(userId, key,
                        new StoredResponse(recorded.getStatus(), recorded.getContentType(), recorded.getHeader("Location"),
                                recorded.getContentAsByteArray()));
                remembered = true;
            }
        } finally {
            if (!remembered) {
                idempotency.abandon(userId, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(stored.body() == null ? new byte[0] : stored.body());
    }

    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n";
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            return sha.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the controller read a body this filter already read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
