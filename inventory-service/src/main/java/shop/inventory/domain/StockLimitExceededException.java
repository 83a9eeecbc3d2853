package shop.inventory.domain;

/** A restock would take a product beyond the most units it may hold. */
public class StockLimitExceededException extends RuntimeException {

    public StockLimitExceededException(String sku, int limit) {
        super(sku + " cannot hold more than " + limit + " units");
    }
}
