package shop.shipping;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import shop.platform.outbox.Outbox;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShippingProperties.class)
class ShipmentConfiguration {

    @Bean
    Dispatcher dispatcher(DatabaseClient db, Outbox outbox, ShippingProperties properties) {
        return new Dispatcher(new Shipments(db), outbox, properties.shippingCountries());
    }
}
