package shop.loadtest.plan;

import java.util.List;
import java.util.UUID;
import shop.loadtest.mix.Category;

/** An order the run will place; its Idempotency-Key is fixed up front so every retry repeats it. */
public record PlannedOrder(
        int index, Category category, String customerId, List<Line> lines, String country, UUID idempotencyKey) {}
