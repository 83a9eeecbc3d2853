package shop.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import shop.order.domain.Order;
import shop.order.domain.OrderLine;
import shop.order.domain.ShippingAddress;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/** Orders and requests as the contract examples have them: Ada's two lines to London. */
public final class OrderFixtures {

    public static final String CUSTOMER = "customer-ada";
    public static final Instant PLACED_AT = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrderFixtures() {}

    public static List<OrderLine> lines() {
        return List.of(new OrderLine("BOOK-001", 2), new OrderLine("PEN-042", 1));
    }

    public static ShippingAddress address() {
        return new ShippingAddress("Ada Lovelace", "12 St James Square", "London", "SW1Y 4JH", "GB");
    }

    public static Order pendingOrder() {
        return Order.place(UUID.randomUUID(), CUSTOMER, lines(), address(), PLACED_AT)
                .order();
    }

    /** A valid {@code POST /orders} body as nested maps, for a test to change one value of. */
    public static Map<String, Object> request(String customerId) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Ada Lovelace");
        address.put("street", "12 St James Square");
        address.put("city", "London");
        address.put("postalCode", "SW1Y 4JH");
        address.put("country", "GB");
        List<Object> items = new ArrayList<>();
        items.add(item("BOOK-001", 2));
        items.add(item("PEN-042", 1));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("customerId", customerId);
        request.put("items", items);
        request.put("shippingAddress", address);
        return request;
    }

    public static Map<String, Object> item(Object sku, Object quantity) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("quantity", quantity);
        return item;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Places the usual order through the running service's own placement; answers its id. */
    public static UUID placeOrder(ConfigurableApplicationContext app) {
        return app.getBean(OrderPlacement.class)
                .place(new PlaceOrder(CUSTOMER, lines(), address()))
                .block(Duration.ofSeconds(10));
    }

    /** The order's row as "status failureReason". */
    public static String status(TestInfrastructure.Database database, UUID orderId) {
        return database.query(connection -> {
            try (var rows = connection
                    .createStatement()
                    .executeQuery("SELECT status, failure_reason FROM orders WHERE order_id = '" + orderId + "'")) {
                rows.next();
                return rows.getString(1) + " " + rows.getString(2);
            }
        });
    }
}
