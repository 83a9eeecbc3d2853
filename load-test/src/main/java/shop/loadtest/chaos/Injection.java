package shop.loadtest.chaos;

/** How a round's fault went: what it injected, or why it failed. */
record Injection(Fault.Injected injected, String error) {

    static Injection done(Fault.Injected injected) {
        return new Injection(injected, null);
    }

    static Injection failed(Throwable error) {
        return new Injection(Fault.Injected.NOTHING, error.getClass().getSimpleName() + ": " + error.getMessage());
    }
}
