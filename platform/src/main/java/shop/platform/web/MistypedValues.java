package shop.platform.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A body that is JSON but holds a value of the wrong type (a quantity of 2.5 or "two", an
 * address that is a string): answered like a failed validation, 400 with the field in error.
 */
final class MistypedValues {

    private MistypedValues() {}

    static ProblemDetail problem(JacksonException mistyped) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "1 invalid field(s)");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field(mistyped), "message", message(mistyped))));
        return problem;
    }

    /** The path of the value, as bean validation names it: {@code items[0].quantity}. */
    static String field(JacksonException mistyped) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : mistyped.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(JacksonException mistyped) {
        if (mistyped instanceof InputCoercionException) {
            return "is out of range";
        }
        Class<?> target = mistyped instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (target == null) {
            return "has the wrong type";
        }
        if (target == Integer.class || target == int.class) {
            return "must be an integer";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        return "must be an object";
    }
}
