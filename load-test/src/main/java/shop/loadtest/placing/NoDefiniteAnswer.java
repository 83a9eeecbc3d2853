package shop.loadtest.placing;

/** A POST was repeated until its deadline without a definite answer: its outcome stays unknown. */
public class NoDefiniteAnswer extends RuntimeException {

    public NoDefiniteAnswer(int attempts, String lastFailure) {
        super("no definite answer after " + attempts + " attempts (last: " + lastFailure + ")");
    }
}
