package shop.platform;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the platform's own tables (outbox, inbox) in the {@code platform} schema with a
 * history of their own, so their versions never clash with a service's migrations.
 */
public class PlatformSchema implements InitializingBean {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public PlatformSchema(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .schemas("platform")
                .locations("classpath:db/platform")
                .load()
                .migrate();
    }
}
