package dev.relance.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import dev.relance.api.idempotency.IdempotencyFilter;
import dev.relance.api.problem.RequestSizeLimitFilter;
import dev.relance.engine.idempotency.IdempotencyService;
import dev.relance.engine.imports.ImportProperties;
import jakarta.servlet.MultipartConfigElement;
import tools.jackson.databind.json.JsonMapper;

/**
 * Servlet filters of the API, in order: size limit (1MB, or {@code relance.imports.max-upload-size} for
 * an import upload), then (security), then idempotency.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class WebConfiguration {

    /** Before Spring Security (-100): an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ApiProperties properties,
            ImportProperties imports, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxRequestSize().toBytes(),
                "/api/v1/imports", imports.maxUploadSize().toBytes(), json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(-200);
        return registration;
    }

    /**
     * Multipart import uploads go straight to disk (threshold 0), up to the import limit, in the
     * imports folder itself: the part then moves to its import file by a rename, never a second copy.
     * This replaces Spring Boot's {@code spring.servlet.multipart.*} settings.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(ImportProperties imports) throws IOException {
        Path incoming = Files.createDirectories(imports.directory().resolve("incoming")).toAbsolutePath();
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setLocation(incoming.toString());
        factory.setFileSizeThreshold(DataSize.ofBytes(0));
        factory.setMaxFileSize(imports.maxUploadSize());
        factory.setMaxRequestSize(imports.maxUploadSize());
        return factory.createMultipartConfig();
    }

    /** After Spring Security: idempotency keys belong to the authenticated user. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyService idempotency, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(idempotency, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }
}
