package shop.gateway.view;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order-status view ({@code shop.gateway.view.*}).
 *
 * @param orderService where to ask about an order the view has not seen yet
 * @param lookupTimeout how long that question may take
 * @param keepAlive how often an idle stream sends a comment line
 * @param maxStreamDuration when a stream ends even if its order is not final
 */
@ConfigurationProperties("shop.gateway.view")
public record ViewProperties(
        URI orderService,
        @DefaultValue("2s") Duration lookupTimeout,
        @DefaultValue("15s") Duration keepAlive,
        @DefaultValue("10m") Duration maxStreamDuration) {}
