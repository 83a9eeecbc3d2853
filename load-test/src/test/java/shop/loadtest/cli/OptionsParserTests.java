package shop.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.loadtest.mix.Category;
import shop.loadtest.mix.Mix;

class OptionsParserTests {

    @Test
    void withoutOptionsRunsTheDefaults() {
        Options options = OptionsParser.parse();

        assertThat(options.orders()).isEqualTo(1000);
        assertThat(options.warmUp()).isZero();
        assertThat(options.load()).isEqualTo(new Load.Closed(32));
        assertThat(options.mix()).isEqualTo(Mix.DEFAULT);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.report()).isEmpty();
        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        Options options = OptionsParser.parse(
                "--orders",
                "500",
                "--warm-up=300",
                "--concurrency=64",
                "--mix",
                "happy=50,out-of-stock=20,declined=20,unshippable=10",
                "--timeout",
                "2.5",
                "--report",
                "/tmp/r.json",
                "--gateway=http://127.0.0.1:18080");

        assertThat(options.orders()).isEqualTo(500);
        assertThat(options.warmUp()).isEqualTo(300);
        assertThat(options.forWarmUp().orders()).isEqualTo(300);
        assertThat(options.forWarmUp().load()).isEqualTo(options.load());
        assertThat(options.forWarmUp().report()).isEmpty();
        assertThat(options.load()).isEqualTo(new Load.Closed(64));
        assertThat(options.mix().percent(Category.OUT_OF_STOCK)).isEqualTo(20);
        assertThat(options.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.report()).contains(Path.of("/tmp/r.json"));
        assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:18080"));
    }

    @Test
    void aRateChoosesTheOpenModel() {
        assertThat(OptionsParser.parse("--rate", "50").load()).isEqualTo(new Load.Open(50));
    }

    @Test
    void thePoolHoldsAStreamAndARequestPerOrderInFlight() {
        assertThat(OptionsParser.parse("--concurrency", "64").maxConnections()).isGreaterThanOrEqualTo(128);
        assertThat(OptionsParser.parse("--rate", "50").maxConnections()).isGreaterThanOrEqualTo(2 * 50);
    }

    @Test
    void refusesWhatItCannotRun() {
        assertRefused("not both", "--concurrency", "4", "--rate", "5");
        assertRefused("--orders must be a whole number above 0, not '0'", "--orders", "0");
        assertRefused("--orders must be a whole number above 0, not 'ten'", "--orders", "ten");
        assertRefused("--warm-up must be a whole number of 0 or more, not '-5'", "--warm-up", "-5");
        assertRefused("--rate must be a number above 0", "--rate", "-1");
        assertRefused("--timeout must be a number above 0", "--timeout", "NaN");
        assertRefused("unknown option '--speed'", "--speed", "9");
        assertRefused("--orders needs a value", "--orders");
        assertRefused("--orders is given twice", "--orders", "1", "--orders", "2");
        assertRefused("--mix: the mix adds up to 95%", "--mix", "happy=95");
        assertRefused("--mix: unknown mix category 'sad'", "--mix", "sad=100");
        assertRefused("--gateway must be a URL (http or https)", "--gateway", "localhost:8080");
    }

    @Test
    void helpIsAskedForAnywhereOnTheLine() {
        assertThat(OptionsParser.wantsHelp("--orders", "5", "--help")).isTrue();
        assertThat(OptionsParser.wantsHelp("--orders", "5")).isFalse();
    }

    private static void assertRefused(String message, String... args) {
        assertThatThrownBy(() -> OptionsParser.parse(args))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }
}
