package shop.gateway.view;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import shop.gateway.view.store.OrderViews;
import shop.gateway.view.store.ViewChanges;
import shop.gateway.view.store.ViewProjection;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ViewProperties.class)
class ViewConfiguration {

    @Bean
    OrderViews orderViews(DatabaseClient db, JsonMapper json) {
        return new OrderViews(db, json);
    }

    @Bean
    ViewChanges viewChanges(OrderViews views, DatabaseClient db, R2dbcProperties r2dbc) {
        var options = ConnectionFactoryOptions.parse(r2dbc.getUrl()).mutate();
        if (r2dbc.getUsername() != null) {
            options.option(ConnectionFactoryOptions.USER, r2dbc.getUsername());
        }
        if (r2dbc.getPassword() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, r2dbc.getPassword());
        }
        return new ViewChanges(views, db, ConnectionFactories.get(options.build()));
    }

    @Bean
    ViewProjection viewProjection(OrderViews views, ViewChanges changes, MeterRegistry meters) {
        return new ViewProjection(views, changes, meters);
    }
}
