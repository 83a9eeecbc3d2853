package shop.loadtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import shop.loadtest.cli.UsageException;

class ChaosOptionsParserTests {

    @Test
    void withoutOptionsInjectsEveryFaultAtTwentyOrdersASecond() {
        ChaosOptions options = ChaosOptionsParser.parse();

        assertThat(options.faults()).isEqualTo(Faults.ALL);
        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.placing()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.faultAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.stuckAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.ordersPerRound()).isEqualTo(600);
        assertThat(options.report()).isEmpty();
        assertThat(options.amqp()).isEqualTo(URI.create("amqp://guest:guest@127.0.0.1:5672/shop"));
    }

    @Test
    void theShortVersionInjectsAFewFaultsInShorterRounds() {
        ChaosOptions options = ChaosOptionsParser.parse("--short", "--rate", "10");

        assertThat(options.faults()).isEqualTo(Faults.SHORT);
        assertThat(Faults.ALL).containsAll(Faults.SHORT);
        assertThat(options.placing()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.ordersPerRound()).isEqualTo(150);
    }

    @Test
    void readsChosenFaultsInTheirOrderAndLetsALaterValueWin() {
        ChaosOptions options = ChaosOptionsParser.parse(
                "--root", "/opt/shop", "--faults", "poison, kill-gateway", "--report=/tmp/c.json", "--root", "/srv");

        assertThat(options.faults()).containsExactly("poison", "kill-gateway");
        assertThat(options.report()).contains(Path.of("/tmp/c.json"));
        assertThat(options.root()).isEqualTo(Path.of("/srv"));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> ChaosOptionsParser.parse("--faults", "kill-everything"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown fault 'kill-everything'");
        assertThatThrownBy(() -> ChaosOptionsParser.parse("--short", "--faults", "poison"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ChaosOptionsParser.parse("--seconds", "10", "--fault-after", "10"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--fault-after");
        assertThatThrownBy(() -> ChaosOptionsParser.parse("--rate", "0")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ChaosOptionsParser.parse("--amqp", "http://127.0.0.1"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ChaosOptionsParser.parse("--kill", "all"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option");
    }

    @Test
    void everyFaultItKnowsHasAnInjection() {
        Host host = new Host(Path.of("."));
        Broker broker = new Broker(URI.create("amqp://guest:guest@127.0.0.1:5672/shop"), URI.create("http://x"));

        for (String name : Faults.ALL) {
            assertThat(Faults.named(name, host, broker).name()).isEqualTo(name);
        }
    }
}
