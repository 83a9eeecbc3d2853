package shop.platform.publish;

/** The broker refused, returned or did not confirm some messages: they will be published again. */
public class UnconfirmedPublishException extends RuntimeException {

    public UnconfirmedPublishException(int count) {
        super(count + " message(s) not confirmed or returned unroutable by the broker");
    }
}
