package shop.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' HTTP APIs, as plain JSON calls. */
final class ShopClient {

    private static final JsonMapper json = new JsonMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String orders;
    private final String inventory;
    private final String payments;

    ShopClient(String orders, String inventory, String payments) {
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
    }

    record Answer(int status, JsonNode body) {}

    void createProduct(String sku, String price, int stock) {
        expect(
                201,
                post(
                        inventory + "/products",
                        Map.of("sku", sku, "name", "Product " + sku, "price", new BigDecimal(price), "stock", stock),
                        null));
    }

    void createCustomer(String customerId, String balance) {
        expect(
                201,
                post(
                        payments + "/customers",
                        Map.of(
                                "customerId",
                                customerId,
                                "name",
                                "Customer " + customerId,
                                "balance",
                                new BigDecimal(balance)),
                        null));
    }

    JsonNode product(String sku) {
        return expect(200, get(inventory + "/products/" + sku));
    }

    BigDecimal balance(String customerId) {
        return expect(200, get(payments + "/customers/" + customerId))
                .get("balance")
                .decimalValue();
    }

    JsonNode order(String orderId) {
        return expect(200, get(orders + "/orders/" + orderId));
    }

    Answer placeOrder(String customerId, List<Map<String, Object>> items, String country, String idempotencyKey) {
        var address = Map.of(
                "name",
                "Test Person",
                "street",
                "1 Test Street",
                "city",
                "Testville",
                "postalCode",
                "T1 1TT",
                "country",
                country);
        return post(
                orders + "/orders",
                Map.of("customerId", customerId, "items", items, "shippingAddress", address),
                idempotencyKey);
    }

    static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    private Answer post(String url, Object body, String idempotencyKey) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }

    private Answer send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? null : json.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }
}
