package dev.relance.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.relance.api.idempotency.IdempotencyFilter;
import dev.relance.api.problem.RequestSizeLimitFilter;
import dev.relance.engine.idempotency.IdempotencyService;
import dev.relance.engine.imports.ImportProperties;
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

    /** After Spring Security: idempotency keys belong to the authenticated user. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyService idempotency, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(idempotency, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }
}
