package shop.gateway.view.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import shop.gateway.view.ViewProperties;

@Configuration(proxyBeanMethods = false)
class OrderStatusWebConfiguration {

    @Bean
    OrderServiceLookup orderServiceLookup(ViewProperties settings) {
        return new OrderServiceLookup(
                WebClient.builder().baseUrl(settings.orderService().toString()).build(), settings.lookupTimeout());
    }
}
