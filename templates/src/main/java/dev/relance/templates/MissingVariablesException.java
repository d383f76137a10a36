package dev.relance.templates;

import java.util.List;

/**
 * A variable printed without a fallback is missing or blank for this recipient: the message must
 * not go out ("Hi ,"). The engine puts the enrollment in NEEDS_ATTENTION with this message.
 */
public class MissingVariablesException extends RuntimeException {

    private final List<String> variables;

    public MissingVariablesException(List<String> variables) {
        super("missing values without a fallback: " + String.join(", ", variables)
                + " (fill them in, or write {{ x | default: \"...\" }})");
        this.variables = List.copyOf(variables);
    }

    public List<String> variables() {
        return variables;
    }
}
