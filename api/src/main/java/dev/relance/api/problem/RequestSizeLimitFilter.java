package dev.relance.api.problem;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses API bodies over the limit with a 413 problem: at once when Content-Length says so, and
 * while reading when a chunked body grows past it. Nothing is parsed, so nothing is written.
 * Uploads ({@code POST} to the upload path, CSV imports) have their own, larger limit.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final String uploadPath;
    private final long uploadMaxBytes;
    private final JsonMapper json;

    public RequestSizeLimitFilter(long maxBytes, JsonMapper json) {
        this(maxBytes, null, maxBytes, json);
    }

    public RequestSizeLimitFilter(long maxBytes, String uploadPath, long uploadMaxBytes, JsonMapper json) {
        this.defaultMaxBytes = maxBytes;
        this.uploadPath = uploadPath;
        this.uploadMaxBytes = uploadMaxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = uploadPath != null && "POST".equals(request.getMethod())
                && uploadPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
        long maxBytes = upload ? uploadMaxBytes : defaultMaxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "Payload too large", "the request body is larger than " + maxBytes + " bytes"), json);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
