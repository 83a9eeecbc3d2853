package shop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.platform.testing.TestInfrastructure;

/** The products HTTP API against a running service and a real database. */
class ProductApiIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static InventoryFixture inventory;
    static WebTestClient http;

    @BeforeAll
    static void start() {
        inventory = new InventoryFixture(infra).start();
        http = inventory.http();
        // The catalog's first page: every other sku of this class starts with a letter, after digits.
        for (String sku : List.of("000-A", "000-B", "000-C")) {
            create(Map.of("sku", sku, "name", "Page " + sku, "price", 1, "stock", 1))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void aCreatedProductCanBeReadBack() {
        String sku = sku("PEN");

        create(Map.of("sku", sku, "name", "Fountain pen", "price", 9.9, "stock", 7))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/products/" + sku)
                .expectBody()
                .json("""
                        {"sku":"%s","name":"Fountain pen","price":9.90,"available":7,"reserved":0}""".formatted(sku), JsonCompareMode.STRICT);

        http.get()
                .uri("/products/{sku}", sku)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"sku":"%s","name":"Fountain pen","price":9.90,"available":7,"reserved":0}""".formatted(sku), JsonCompareMode.STRICT);
    }

    @Test
    void aTakenSkuIsAConflictEvenWhenRequestsRace() {
        String sku = sku("RACE");

        List<HttpStatus> statuses = Flux.range(0, 5)
                .flatMap(i -> WebClient.create(inventory.baseUrl())
                        .post()
                        .uri("/products")
                        .bodyValue(Map.of("sku", sku, "name", "Racer " + i, "price", 1, "stock", i))
                        .exchangeToMono(response -> Mono.just(
                                HttpStatus.valueOf(response.statusCode().value()))))
                .collectList()
                .block();

        assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        assertThat(statuses).filteredOn(HttpStatus.CONFLICT::equals).hasSize(4);
        create(Map.of("sku", sku, "name", "Again", "price", 1, "stock", 1))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409)
                .jsonPath("$.detail")
                .isEqualTo("a product with sku " + sku + " already exists");
        assertThat(inventory.count("SELECT count(*) FROM product WHERE sku = '" + sku + "'"))
                .isEqualTo(1);
    }

    @Test
    void invalidFieldsAreA400ThatNamesEachAndStoresNothing() {
        long before = inventory.count("SELECT count(*) FROM product");

        create(Map.of("sku", "bad sku!", "name", "", "price", 1.234, "stock", -1))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrder("sku", "name", "price", "stock"));

        create(Map.of("sku", sku("PEN"), "name", "Pen", "price", 1, "stock", 1.5))
                .expectStatus()
                .isBadRequest();
        create(Map.of("sku", sku("PEN"), "name", "Pen", "price", 1_000_000.01, "stock", 1))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("price");
        assertThat(inventory.count("SELECT count(*) FROM product")).isEqualTo(before);
    }

    @Test
    void anUnknownProductIsA404Problem() {
        http.get()
                .uri("/products/NOPE-404")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("no product with sku NOPE-404");

        http.post()
                .uri("/products/NOPE-404/restock")
                .bodyValue(Map.of("quantity", 3))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void restockingAddsAvailableUnitsWithinItsLimits() {
        String sku = sku("BOOK");
        create(Map.of("sku", sku, "name", "Book", "price", 24.99, "stock", 2))
                .expectStatus()
                .isCreated();

        http.post()
                .uri("/products/{sku}/restock", sku)
                .bodyValue(Map.of("quantity", 5))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.available")
                .isEqualTo(7)
                .jsonPath("$.reserved")
                .isEqualTo(0);

        for (int quantity : new int[] {0, 1_000_001}) {
            http.post()
                    .uri("/products/{sku}/restock", sku)
                    .bodyValue(Map.of("quantity", quantity))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("quantity");
        }
        assertThat(inventory.stock(sku)).isEqualTo(new InventoryFixture.Stock(7, 0));
    }

    @Test
    void theCatalogIsPagedInSkuOrder() {
        long total = inventory.count("SELECT count(*) FROM product");

        http.get()
                .uri("/products?page=0&size=2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content[*].sku")
                .isEqualTo(List.of("000-A", "000-B"))
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(2)
                .jsonPath("$.totalElements")
                .isEqualTo((int) total)
                .jsonPath("$.totalPages")
                .isEqualTo((int) (total + 1) / 2);
        http.get()
                .uri("/products?page=1&size=2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content[0].sku")
                .isEqualTo("000-C")
                .jsonPath("$.content[0].price")
                .isEqualTo(1.00);
        http.get()
                .uri("/products")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.size")
                .isEqualTo(20);
    }

    private static WebTestClient.ResponseSpec create(Map<String, Object> body) {
        return http.post().uri("/products").bodyValue(body).exchange();
    }

    private static String sku(String prefix) {
        return prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    }
}
