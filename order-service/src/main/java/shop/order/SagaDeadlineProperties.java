package shop.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The saga's deadline ({@code shop.saga.*}): the deadline itself every service shares (from
 * platform-defaults.yml); how often order-service looks for overdue orders is its own.
 *
 * @param deadline how long after placement an order that is not final is cancelled as TIMED_OUT
 * @param checkInterval how often overdue orders are looked for (an order times out at most this late)
 */
@ConfigurationProperties("shop.saga")
record SagaDeadlineProperties(
        @DefaultValue("30s") Duration deadline,
        @DefaultValue("1s") Duration checkInterval) {}
