package shop.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewProductValidationTests {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void aWellFormedProductIsValid() {
        assertThat(invalidFields(new NewProduct("PEN-042", "Fountain pen", new BigDecimal("9.99"), 0)))
                .isEmpty();
        assertThat(invalidFields(new NewProduct("a.b_c-D9", "x".repeat(200), new BigDecimal("1000000"), 1_000_000)))
                .isEmpty();
        assertThat(invalidFields(new NewProduct("s".repeat(64), "N", new BigDecimal("0.01"), 5)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/sku", "ümlaut", "sku#1"})
    void aSkuOutsideTheAlphabetIsInvalid(String sku) {
        assertThat(invalidFields(new NewProduct(sku, "Pen", BigDecimal.ONE, 1))).containsExactly("sku");
    }

    @Test
    void aSkuLongerThan64IsInvalid() {
        assertThat(invalidFields(new NewProduct("s".repeat(65), "Pen", BigDecimal.ONE, 1)))
                .containsExactly("sku");
    }

    @Test
    void aBlankOrOverlongNameIsInvalid() {
        assertThat(invalidFields(new NewProduct("PEN", " ", BigDecimal.ONE, 1))).containsExactly("name");
        assertThat(invalidFields(new NewProduct("PEN", "x".repeat(201), BigDecimal.ONE, 1)))
                .containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.001", "9.999", "1000000.01", "10000000"})
    void aPriceThatIsNotPositiveWithTwoDecimalsUpToAMillionIsInvalid(String price) {
        assertThat(invalidFields(new NewProduct("PEN", "Pen", new BigDecimal(price), 1)))
                .containsExactly("price");
    }

    @Test
    void stockOutsideZeroToAMillionIsInvalid() {
        assertThat(invalidFields(new NewProduct("PEN", "Pen", BigDecimal.ONE, -1)))
                .containsExactly("stock");
        assertThat(invalidFields(new NewProduct("PEN", "Pen", BigDecimal.ONE, 1_000_001)))
                .containsExactly("stock");
    }

    @Test
    void everyFieldIsRequired() {
        assertThat(invalidFields(new NewProduct(null, null, null, null)))
                .containsExactlyInAnyOrder("sku", "name", "price", "stock");
    }

    @Test
    void aRestockAddsOneToAMillionUnits() {
        assertThat(invalidFields(new Restock(1))).isEmpty();
        assertThat(invalidFields(new Restock(1_000_000))).isEmpty();
        assertThat(invalidFields(new Restock(0))).containsExactly("quantity");
        assertThat(invalidFields(new Restock(1_000_001))).containsExactly("quantity");
        assertThat(invalidFields(new Restock(null))).containsExactly("quantity");
    }

    private static Set<String> invalidFields(Object request) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(request);
        return violations.stream()
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }
}
