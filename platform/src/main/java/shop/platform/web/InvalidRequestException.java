package shop.platform.web;

import java.util.List;
import java.util.Map;

/** Input that passed the format checks but breaks a rule of the domain: answered as a 400 with field errors. */
public class InvalidRequestException extends RuntimeException {

    private final List<Map<String, String>> errors;

    public InvalidRequestException(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(Map.of("field", field, "message", message));
    }

    public List<Map<String, String>> errors() {
        return errors;
    }
}
