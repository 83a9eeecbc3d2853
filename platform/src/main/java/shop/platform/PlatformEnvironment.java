package shop.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * What every service's environment starts from: {@code platform-defaults.yml} as the source of
 * lowest precedence, so that a service's own YAML, the environment and the command line all
 * override it and a service's YAML says only what is its own; and one JVM-wide Reactor Netty
 * setting, made before any server starts.
 */
public final class PlatformEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "platform-defaults.yml";
    private static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Reactor Netty 1.3.6 (what Boot 4.0.7 brings) can stop reading a kept-alive HTTP/1.1
        // connection when the next request arrives before the previous one's operations have
        // terminated (reactor/reactor-netty#4361, fixed in a later release): the client waits for
        // an answer that never comes. Seen here as a rare 30 s hang of a request sent right after
        // an error response on the same connection. This setting takes that route away; Reactor
        // Netty reads it as a system property when the server handles its first connection. An
        // explicit -D setting wins.
        if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
            System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
        }
        if (environment.getPropertySources().contains(DEFAULTS)) {
            return; // a parent or a second run of the same environment
        }
        environment.getPropertySources().addLast(defaults());
    }

    /** {@code platform-defaults.yml}, for an environment of the platform's own tools too. */
    public static PropertySource<?> defaults() {
        try {
            return new YamlPropertySourceLoader()
                    .load(DEFAULTS, new ClassPathResource(DEFAULTS))
                    .get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }

    /** After the config data (the services' own YAML) is loaded, which it must stay below. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
