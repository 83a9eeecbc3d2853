package shop.payment.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CreateCustomerRequestTests {

    static final jakarta.validation.ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    static final Validator validator = factory.getValidator();

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aWellFormedCustomerIsValid() {
        assertThat(invalidFields(
                        new CreateCustomerRequest("customer.ada_1-x", "Ada Lovelace", new BigDecimal("95.00"))))
                .isEmpty();
        assertThat(invalidFields(
                        new CreateCustomerRequest("a".repeat(64), "A".repeat(200), new BigDecimal("100000000"))))
                .isEmpty();
        assertThat(invalidFields(new CreateCustomerRequest("c", "C", BigDecimal.ZERO)))
                .isEmpty();
    }

    @Test
    void everyFieldIsRequired() {
        assertThat(invalidFields(new CreateCustomerRequest(null, null, null)))
                .containsExactlyInAnyOrder("customerId", "name", "balance");
    }

    @Test
    void theCustomerIdIsShortAndSafeInAUrl() {
        assertThat(invalidFields(new CreateCustomerRequest("", "Ada", BigDecimal.ONE)))
                .containsExactly("customerId");
        assertThat(invalidFields(new CreateCustomerRequest("a".repeat(65), "Ada", BigDecimal.ONE)))
                .containsExactly("customerId");
        assertThat(invalidFields(new CreateCustomerRequest("ada/lovelace", "Ada", BigDecimal.ONE)))
                .containsExactly("customerId");
        assertThat(invalidFields(new CreateCustomerRequest("ada lovelace", "Ada", BigDecimal.ONE)))
                .containsExactly("customerId");
    }

    @Test
    void theNameIsOneToTwoHundredCharacters() {
        assertThat(invalidFields(new CreateCustomerRequest("ada", " ", BigDecimal.ONE)))
                .containsExactly("name");
        assertThat(invalidFields(new CreateCustomerRequest("ada", "A".repeat(201), BigDecimal.ONE)))
                .containsExactly("name");
    }

    @Test
    void theBalanceIsAnExactNonNegativeAmountUpToAHundredMillion() {
        assertThat(invalidFields(new CreateCustomerRequest("ada", "Ada", new BigDecimal("-0.01"))))
                .containsExactly("balance");
        assertThat(invalidFields(new CreateCustomerRequest("ada", "Ada", new BigDecimal("1.001"))))
                .containsExactly("balance");
        assertThat(invalidFields(new CreateCustomerRequest("ada", "Ada", new BigDecimal("100000000.01"))))
                .containsExactly("balance");
    }

    @Test
    void theAccountStartsWithTheBalanceInCents() {
        assertThat(new CreateCustomerRequest("ada", "Ada", new BigDecimal("95"))
                        .toAccount()
                        .balance())
                .hasToString("95.00");
    }

    private static Set<String> invalidFields(CreateCustomerRequest request) {
        return validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }
}
