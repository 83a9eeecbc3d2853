package shop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.testing.TestInfrastructure;

/** The HTTP API against a running service; one service for the class. */
class CustomerApiIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static PaymentFixtures payment;

    @BeforeAll
    static void start() {
        payment = new PaymentFixtures(infra);
    }

    @Test
    void aNewCustomerIsCreatedAndCanBeRead() {
        String id = "ada-" + UUID.randomUUID();

        post("""
                        {"customerId": "%s", "name": "Ada Lovelace", "balance": 95}""".formatted(id))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/customers/" + id)
                .expectBody()
                .json("""
                        {"customerId": "%s", "name": "Ada Lovelace", "balance": 95.00}""".formatted(id), true);

        payment.http
                .get()
                .uri("/customers/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("""
                        {"customerId":"%s","name":"Ada Lovelace","balance":95.00}""".formatted(id));
        assertThat(payment.balance(id)).isEqualTo(new BigDecimal("95.00"));
    }

    @Test
    void aSecondCustomerWithTheSameIdIsAConflictAndChangesNothing() {
        String id = "grace-" + UUID.randomUUID();
        payment.openAccount(id, "10.00");

        post("""
                        {"customerId": "%s", "name": "Someone Else", "balance": 500}""".formatted(id))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409)
                .jsonPath("$.detail")
                .isEqualTo("customer " + id + " already exists");

        assertThat(payment.balance(id)).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        payment.http
                .get()
                .uri("/customers/nobody-{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    @Test
    void invalidFieldsAreABadRequestNamingEachAndNothingIsStored() {
        String id = "alan/" + UUID.randomUUID();

        post("""
                        {"customerId": "%s", "name": "", "balance": -1.005}""".formatted(id))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(
                        new ParameterizedTypeReference<List<String>>() {},
                        fields -> assertThat(fields)
                                // the balance is both negative and finer than a cent
                                .containsExactlyInAnyOrder("customerId", "name", "balance", "balance"))
                .jsonPath("$.errors[?(@.field == 'customerId')].message")
                .isEqualTo("must be 1 to 64 of A-Z, a-z, 0-9, '.', '_', '-'");

        assertThat(payment.database().count("SELECT count(*) FROM account WHERE customer_id LIKE 'alan%'"))
                .isZero();
    }

    private static WebTestClient.ResponseSpec post(String body) {
        return payment.http
                .post()
                .uri("/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
