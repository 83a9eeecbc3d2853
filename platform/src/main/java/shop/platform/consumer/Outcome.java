package shop.platform.consumer;

/** What became of a message, as the {@code shop.consumer.messages} counter tags it. */
enum Outcome {
    HANDLED("handled"),
    DUPLICATE("duplicate"),
    IGNORED("ignored"),
    DEAD_LETTERED("dead-lettered");

    private final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }
}
