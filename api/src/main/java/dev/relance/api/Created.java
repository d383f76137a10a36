package dev.relance.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** 201 Created with the new resource's Location, from the collection URI that was POSTed to. */
public final class Created {

    private Created() {
    }

    public static <T> ResponseEntity<T> at(long id, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(body);
    }
}
