package dev.relance.engine.support;

/** The named resource does not exist (or is not visible to the caller). */
public class NotFoundException extends RuntimeException {

    private final String resource;

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " does not exist");
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
