package shop.platform.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.sample.LedgerApplication;
import shop.platform.sample.LedgerFixture;
import shop.platform.testing.TestInfrastructure;

/**
 * Every way a service's HTTP API says no, once, on the sample service: each is RFC 9457
 * problem+json with a title for the kind of problem and a detail for the case, and bad input is
 * a 400 that names what is wrong, never a 5xx. The services' own tests keep one example each.
 */
class ProblemResponsesIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure(LedgerApplication.TOPOLOGY);

    static ConfigurableApplicationContext app;
    static WebTestClient http;

    @BeforeAll
    static void start() {
        app = new LedgerFixture(infra).start();
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .build();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedRequest() {
        post("{\"account\": ")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Malformed request")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .startsWith("the body is not valid JSON for this request"));
    }

    @Test
    void failedValidationNamesEachInvalidField() {
        post("{\"account\": \"\", \"amount\": -1}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.detail")
                .isEqualTo("2 invalid field(s)")
                .jsonPath("$.errors.length()")
                .isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'account')].message")
                .exists()
                .jsonPath("$.errors[?(@.field == 'amount')].message")
                .exists();
    }

    @Test
    void aValueOfTheWrongJsonTypeIsAFieldErrorNotACoercion() {
        post("{\"account\": \"ada\", \"amount\": 2.5}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("amount")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be an integer");
    }

    @Test
    void aDomainRuleOnValidInputIsA400WithItsField() {
        post("{\"account\": \"taken\", \"amount\": 1}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("account")
                .jsonPath("$.errors[0].message")
                .isEqualTo("is reserved");
    }

    @Test
    void refusalsCarryTheirStatusTitleAndDetail() {
        http.get()
                .uri("/accounts/nobody")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.title")
                .isEqualTo("Unknown account")
                .jsonPath("$.detail")
                .isEqualTo("no account nobody");
        post("{\"account\": \"closed\", \"amount\": 1}")
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Account closed");
    }

    @Test
    void anUnexpectedFailureIsA500ThatTellsNothingOfItsCause() {
        http.get()
                .uri("/accounts/broken")
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Internal error")
                .jsonPath("$.detail")
                .isEqualTo("an unexpected error occurred");
    }

    private static WebTestClient.ResponseSpec post(String body) {
        return http.post()
                .uri("/bookings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
