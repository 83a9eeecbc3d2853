package shop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Values of the wrong JSON type are refused, and named like validation errors. */
class StrictJsonInputTests {

    private static final JsonMapper json = strictMapper();

    record Line(String sku, Integer quantity) {}

    record Address(String city, String country) {}

    record Request(String customerId, List<Line> items, Address shippingAddress) {}

    static Stream<Arguments> mistypedValues() {
        return Stream.of(
                mistyped("items[0].quantity", "must be an integer", "{\"items\":[{\"quantity\":2.5}]}"),
                mistyped("items[0].quantity", "must be an integer", "{\"items\":[{\"quantity\":2.0}]}"),
                mistyped("items[0].quantity", "must be an integer", "{\"items\":[{\"quantity\":\"2\"}]}"),
                mistyped("items[0].quantity", "must be an integer", "{\"items\":[{\"quantity\":\"\"}]}"),
                mistyped("items[0].quantity", "is out of range", "{\"items\":[{\"quantity\":99999999999}]}"),
                mistyped("items[0].sku", "must be a string", "{\"items\":[{\"sku\":42}]}"),
                mistyped("customerId", "must be a string", "{\"customerId\":12}"),
                mistyped("customerId", "must be a string", "{\"customerId\":true}"),
                mistyped("items", "must be an array", "{\"items\":{\"sku\":\"BOOK-001\"}}"),
                mistyped("shippingAddress", "must be an object", "{\"shippingAddress\":\"London\"}"),
                mistyped(
                        "shippingAddress.country", "must be a string", "{\"shippingAddress\":{\"country\":[\"GB\"]}}"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("mistypedValues")
    void aMistypedValueIsRefusedWithItsPath(String field, String message, String body) {
        var failure = catchThrowableOfType(JacksonException.class, () -> json.readValue(body, Request.class));

        assertThat(failure).as(body).isNotNull();
        assertThat(MistypedValues.problem(failure).getProperties())
                .containsEntry("errors", List.of(Map.of("field", field, "message", message)));
    }

    @Test
    void aBodyOfTheWrongShapeIsNamedBody() {
        var failure = catchThrowableOfType(JacksonException.class, () -> json.readValue("[]", Request.class));

        assertThat(MistypedValues.field(failure)).isEqualTo("body");
    }

    @Test
    void wellTypedValuesAreRead() {
        var request = json.readValue(
                "{\"customerId\":\"ada\",\"items\":[{\"sku\":\"B\",\"quantity\":2}],\"shippingAddress\":{\"city\":\"London\",\"country\":\"GB\"}}",
                Request.class);

        assertThat(request.items()).containsExactly(new Line("B", 2));
    }

    private static Arguments mistyped(String field, String message, String body) {
        return Arguments.of(field, message, body);
    }

    private static JsonMapper strictMapper() {
        var builder = JsonMapper.builder();
        new StrictJsonInput().customize(builder);
        return builder.build();
    }
}
