package dev.relance.engine.template;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.relance.templates.TemplateEngine;
import dev.relance.templates.TemplateLimits;

/** One template engine for the application: its parser and filters are built once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemplateProperties.class)
class TemplateEngineConfiguration {

    @Bean
    TemplateEngine templateEngine(TemplateProperties properties) {
        TemplateLimits limits = TemplateLimits.defaults().withMaxIterations(properties.maxIterations())
                .withMaxOutputChars(properties.maxOutputChars());
        return new TemplateEngine(limits, properties.footer());
    }
}
