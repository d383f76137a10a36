package dev.relance.engine.inbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.relance.engine.inbox.classify.InboundClassifier;

/** The classifier, a plain object: its rules are the default ones. */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    InboundClassifier inboundClassifier() {
        return new InboundClassifier();
    }
}
