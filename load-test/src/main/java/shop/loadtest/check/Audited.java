package shop.loadtest.check;

import java.util.Optional;
import shop.loadtest.plan.PlannedOrder;
import shop.loadtest.shop.OrderView;

/** A planned order with what the gateway says of it at the end; empty when it was never accepted. */
public record Audited(PlannedOrder planned, Optional<OrderView> view) {

    boolean is(String status) {
        return view.map(order -> status.equals(order.status())).orElse(false);
    }
}
