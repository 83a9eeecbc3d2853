package shop.payment.web;

import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.payment.Accounts;
import shop.platform.testing.PlatformWebLayer;

/** The controller's own checks of its input, before anything reaches the accounts. */
@WebFluxTest(CustomerController.class)
@Import(PlatformWebLayer.class)
class CustomerControllerTests {

    @Autowired
    WebTestClient http;

    @MockitoBean
    Accounts accounts;

    @Test
    void aMissingBalanceIsAFieldErrorNotADecodingError() {
        http.post()
                .uri("/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"customerId": "edsger", "name": "Edsger Dijkstra"}""")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("balance");
        verifyNoInteractions(accounts);
    }
}
