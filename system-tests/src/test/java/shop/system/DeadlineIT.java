package shop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.loadtest.mix.Category;
import shop.loadtest.plan.CustomerSpec;
import shop.loadtest.plan.Line;
import shop.loadtest.plan.PlannedOrder;
import shop.loadtest.plan.ProductSpec;
import shop.loadtest.shop.OrderView;
import shop.loadtest.shop.ShopClient;
import shop.platform.testing.ServiceProcess;
import shop.platform.testing.TestInfrastructure;

/**
 * The saga's deadline across the whole shop, with a deadline of four seconds: a saga stuck behind
 * a service that is down times out, and when that service comes back, the step it then takes
 * late is undone and everything is given back.
 */
class DeadlineIT {

    private static final Map<String, String> DEADLINE = Map.of("SHOP_SAGA_DEADLINE", "4s");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static final List<ServiceProcess> processes = new ArrayList<>();
    static ShopClient shop;

    @BeforeAll
    static void startTheSystem() {
        processes.addAll(ServiceProcess.startShop(infra, Duration.ofSeconds(180), DEADLINE));
        shop = ShopClient.connect(URI.create(processes.get(0).baseUrl()), 8);
    }

    @AfterAll
    static void stopTheSystem() {
        if (shop != null) {
            shop.close();
        }
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void aSagaStuckBehindAStoppedServiceTimesOutAndItsLateStepIsUndone() {
        String sku = "DEADLINE-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = "patient-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(shop.createProduct(new ProductSpec(sku, "Product " + sku, new BigDecimal("8.00"), 5))
                        .block()
                        .status())
                .isEqualTo(201);
        assertThat(shop.createCustomer(new CustomerSpec(customer, "Customer " + customer, new BigDecimal("50.00")))
                        .block()
                        .status())
                .isEqualTo(201);
        ServiceProcess shipping = processes.get(4);
        shipping.kill();

        var placed = shop.placeOrder(new PlannedOrder(
                        0, Category.HAPPY, customer, List.of(new Line(sku, 2)), "GB", UUID.randomUUID()))
                .block();
        UUID orderId = placed.orderId().orElseThrow();

        // paid for, waiting on shipping, then past its deadline: the unwinding waits on shipping too
        OrderView cancelling = await().atMost(TIMEOUT)
                .until(
                        () -> shop.order(orderId).block(),
                        order -> order.status().equals("CANCELLING"));
        assertThat(cancelling.failureReason()).isEqualTo("TIMED_OUT");
        assertThat(shop.customer(customer).block().balance()).isEqualByComparingTo("34.00");

        processes.set(4, ServiceProcess.start(infra, "shipping-service", "shipping", DEADLINE));
        processes.get(4).awaitHealthy(Duration.ofSeconds(180));

        OrderView ended =
                await().atMost(TIMEOUT).until(() -> shop.order(orderId).block(), OrderView::isFinal);
        assertThat(ended.status()).isEqualTo("CANCELLED");
        assertThat(ended.failureReason()).isEqualTo("TIMED_OUT");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var product = shop.product(sku).block();
            assertThat(product.available()).isEqualTo(5);
            assertThat(product.reserved()).isZero();
        });
        assertThat(shop.customer(customer).block().balance()).isEqualByComparingTo("50.00");
        assertThat(ended.timeline())
                .extracting(OrderView.Step::type)
                .contains("PaymentCompleted", "OrderCancellationRequested", "ShipmentCancelled", "PaymentRefunded")
                .doesNotContain("OrderConfirmed");
    }
}
