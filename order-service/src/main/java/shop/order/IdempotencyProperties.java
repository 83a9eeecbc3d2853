package shop.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of Idempotency-Key handling ({@code shop.order.idempotency.*}).
 *
 * @param retention how long a key is remembered: a retry within it answers the first order
 * @param sweepInterval how often expired keys are deleted (a key lives at most retention + interval)
 */
@ConfigurationProperties("shop.order.idempotency")
record IdempotencyProperties(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration sweepInterval) {}
