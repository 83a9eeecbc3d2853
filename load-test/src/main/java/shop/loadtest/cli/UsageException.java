package shop.loadtest.cli;

/** The command line cannot be understood; the message says why. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
