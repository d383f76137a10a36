package dev.relance.templates;

import java.util.Collection;
import java.util.Set;

/**
 * What a template may refer to beyond the fixed names of {@link TemplateVariables}: the custom
 * field keys that exist. Validation reports {@code custom.<key>} outside them as a warning (see
 * {@link TemplateProblem#isWarning}), since the next import may bring the field.
 *
 * @param customFieldKeys the known custom field keys, or null when unknown (any key is accepted)
 */
public record TemplateSchema(Set<String> customFieldKeys) {

    public TemplateSchema {
        customFieldKeys = customFieldKeys == null ? null : Set.copyOf(customFieldKeys);
    }

    /** Any custom field key is accepted; the fixed names are still checked. */
    public static TemplateSchema lenient() {
        return new TemplateSchema(null);
    }

    /** Only these custom field keys are known. */
    public static TemplateSchema withCustomFields(Collection<String> keys) {
        return new TemplateSchema(Set.copyOf(keys));
    }

    boolean knowsCustomField(String key) {
        return customFieldKeys == null || customFieldKeys.contains(key);
    }
}
