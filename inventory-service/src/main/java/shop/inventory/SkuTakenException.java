package shop.inventory;

/** A product with this sku is listed already. */
public class SkuTakenException extends RuntimeException {

    public SkuTakenException(String sku) {
        super("a product with sku " + sku + " already exists");
    }
}
