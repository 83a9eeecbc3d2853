package shop.inventory.web;

import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.inventory.Catalog;
import shop.platform.testing.PlatformWebLayer;

/** The controller's own checks of its input, before anything reaches the catalogue. */
@WebFluxTest(ProductController.class)
@Import(PlatformWebLayer.class)
class ProductControllerTests {

    @Autowired
    WebTestClient http;

    @MockitoBean
    Catalog catalog;

    @Test
    void aBadPageOrSizeIsA400Problem() {
        for (String query : List.of("page=-1", "size=0", "size=101", "page=abc", "size=1.5")) {
            http.get()
                    .uri("/products?" + query)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        verifyNoInteractions(catalog);
    }
}
