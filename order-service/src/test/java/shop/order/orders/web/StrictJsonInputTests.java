package shop.order.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.order.OrderFixtures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Values of the wrong JSON type are refused, and named like validation errors. */
class StrictJsonInputTests {

    private static final JsonMapper json = strictMapper();

    static Stream<Arguments> mistypedValues() {
        return Stream.of(
                mistyped(
                        "items[0].quantity",
                        "must be an integer",
                        body -> firstItem(body).put("quantity", 2.5)),
                mistyped(
                        "items[0].quantity",
                        "must be an integer",
                        body -> firstItem(body).put("quantity", new BigDecimal("2.0"))),
                mistyped(
                        "items[0].quantity",
                        "must be an integer",
                        body -> firstItem(body).put("quantity", "2")),
                mistyped(
                        "items[0].quantity",
                        "must be an integer",
                        body -> firstItem(body).put("quantity", "")),
                mistyped(
                        "items[0].quantity",
                        "is out of range",
                        body -> firstItem(body).put("quantity", 99999999999L)),
                mistyped(
                        "items[0].sku",
                        "must be a string",
                        body -> firstItem(body).put("sku", 42)),
                mistyped("customerId", "must be a string", body -> body.put("customerId", 12)),
                mistyped("customerId", "must be a string", body -> body.put("customerId", true)),
                mistyped("items", "must be an array", body -> body.put("items", Map.of("sku", "BOOK-001"))),
                mistyped("shippingAddress", "must be an object", body -> body.put("shippingAddress", "London")),
                mistyped(
                        "shippingAddress.country",
                        "must be a string",
                        body -> address(body).put("country", List.of("GB"))));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("mistypedValues")
    void aMistypedValueIsRefusedWithItsPath(String field, String message, String body) {
        var failure = catchThrowableOfType(JacksonException.class, () -> json.readValue(body, PlaceOrderRequest.class));

        assertThat(failure).as(body).isNotNull();
        assertThat(MistypedValues.problem(failure).getProperties())
                .containsEntry("errors", List.of(Map.of("field", field, "message", message)));
    }

    @Test
    void aBodyOfTheWrongShapeIsNamedBody() {
        var failure = catchThrowableOfType(JacksonException.class, () -> json.readValue("[]", PlaceOrderRequest.class));

        assertThat(MistypedValues.field(failure)).isEqualTo("body");
    }

    private static Arguments mistyped(String field, String message, Consumer<Map<String, Object>> change) {
        var body = OrderFixtures.request(OrderFixtures.CUSTOMER);
        change.accept(body);
        return Arguments.of(field, message, OrderFixtures.json(body));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstItem(Map<String, Object> body) {
        return (Map<String, Object>) ((List<Object>) body.get("items")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> address(Map<String, Object> body) {
        return (Map<String, Object>) body.get("shippingAddress");
    }

    private static JsonMapper strictMapper() {
        var builder = JsonMapper.builder();
        new StrictJsonInput().strictScalars().customize(builder);
        return builder.build();
    }
}
