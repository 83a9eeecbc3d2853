package shop.platform.event;

/**
 * The names of the headers the platform puts on a message: what every event carries beside its
 * body, and what a dead letter adds about why and where it failed. The trace header is W3C's,
 * the same on HTTP.
 */
public final class HeaderNames {

    public static final String ORDER_ID = "orderId";
    public static final String CAUSATION_ID = "causationId";
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String TRACEPARENT = "traceparent";

    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    public static final String EXCEPTION_TYPE = "x-exception-type";
    public static final String ORIGINAL_EXCHANGE = "x-original-exchange";
    public static final String ORIGINAL_ROUTING_KEY = "x-original-routingKey";
    public static final String ORIGINAL_QUEUE = "x-original-queue";

    private HeaderNames() {}
}
