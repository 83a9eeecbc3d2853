package shop.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.order.OrderFixtures;
import shop.order.domain.OrderLine;
import shop.platform.web.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

/** The validation of {@code POST /orders}: the body's record, and the Idempotency-Key header. */
class PlaceOrderRequestTests {

    private static final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();
    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theFixtureRequestIsValidAndBecomesTheCommand() {
        var request = read(OrderFixtures.request(OrderFixtures.CUSTOMER));

        assertThat(validator.validate(request)).isEmpty();
        var command = request.toCommand();
        assertThat(command.customerId()).isEqualTo(OrderFixtures.CUSTOMER);
        assertThat(command.lines()).containsExactly(new OrderLine("BOOK-001", 2), new OrderLine("PEN-042", 1));
        assertThat(command.shippingAddress()).isEqualTo(OrderFixtures.address());
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("customerId", body -> body.remove("customerId")),
                invalid("customerId", body -> body.put("customerId", "")),
                invalid("customerId", body -> body.put("customerId", "ada lovelace")),
                invalid("customerId", body -> body.put("customerId", "a".repeat(65))),
                invalid("items", body -> body.remove("items")),
                invalid("items", body -> body.put("items", List.of())),
                invalid("items", body -> body.put("items", Collections.nCopies(51, OrderFixtures.item("SKU", 1)))),
                invalid("items[0].<list element>", body -> items(body).set(0, null)),
                invalid("items[1].sku", body -> items(body).set(1, OrderFixtures.item(null, 1))),
                invalid("items[1].sku", body -> items(body).set(1, OrderFixtures.item("PEN/042", 1))),
                invalid("items[1].sku", body -> items(body).set(1, OrderFixtures.item("P".repeat(65), 1))),
                invalid("items[0].quantity", body -> items(body).set(0, OrderFixtures.item("BOOK-001", null))),
                invalid("items[0].quantity", body -> items(body).set(0, OrderFixtures.item("BOOK-001", 0))),
                invalid("items[0].quantity", body -> items(body).set(0, OrderFixtures.item("BOOK-001", 1001))),
                invalid("shippingAddress", body -> body.remove("shippingAddress")),
                invalid("shippingAddress.name", body -> address(body).put("name", " ")),
                invalid("shippingAddress.street", body -> address(body).remove("street")),
                invalid("shippingAddress.city", body -> address(body).put("city", "c".repeat(201))),
                invalid("shippingAddress.postalCode", body -> address(body).put("postalCode", "1".repeat(21))),
                invalid("shippingAddress.postalCode", body -> address(body).put("postalCode", "")),
                invalid("shippingAddress.country", body -> address(body).remove("country")),
                invalid("shippingAddress.country", body -> address(body).put("country", "gb")),
                invalid("shippingAddress.country", body -> address(body).put("country", "XX")),
                invalid("shippingAddress.country", body -> address(body).put("country", "GBR")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidRequests")
    void anInvalidValueIsAnErrorOfItsField(String field, String body) {
        var violations = validator.validate(json.readValue(body, PlaceOrderRequest.class));

        assertThat(violations)
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly(field);
    }

    @Test
    void theLimitsThemselvesAreValid() {
        var body = OrderFixtures.request("a".repeat(64));
        body.put("items", new ArrayList<>(Collections.nCopies(50, OrderFixtures.item("S".repeat(64), 1000))));
        address(body).put("name", "n".repeat(200));
        address(body).put("postalCode", "1".repeat(20));

        assertThat(validator.validate(read(body)))
                .extracting(ConstraintViolation::getMessage)
                .isEmpty();
    }

    @Test
    void anIdempotencyKeyIsOneToTwoHundredVisibleAsciiCharacters() {
        assertThat(IdempotencyKeyHeader.checked("k")).isEqualTo("k");
        assertThat(IdempotencyKeyHeader.checked("~!" + "x".repeat(198))).hasSize(200);
        for (String invalid : List.of("", "x".repeat(201), "two words", "tab\there", "caf\u00e9")) {
            assertThatThrownBy(() -> IdempotencyKeyHeader.checked(invalid))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                            .containsExactly(Map.of(
                                    "field",
                                    "Idempotency-Key",
                                    "message",
                                    "must be 1 to 200 visible ASCII characters")));
        }
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> change) {
        var body = OrderFixtures.request(OrderFixtures.CUSTOMER);
        change.accept(body);
        return Arguments.of(field, OrderFixtures.json(body));
    }

    private static PlaceOrderRequest read(Map<String, Object> body) {
        return json.readValue(OrderFixtures.json(body), PlaceOrderRequest.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> items(Map<String, Object> body) {
        return (List<Object>) body.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> address(Map<String, Object> body) {
        return (Map<String, Object>) body.get("shippingAddress");
    }
}
