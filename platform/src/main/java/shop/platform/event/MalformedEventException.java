package shop.platform.event;

/** A message that can never be handled as it is: it cannot be parsed or breaks the schema. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
