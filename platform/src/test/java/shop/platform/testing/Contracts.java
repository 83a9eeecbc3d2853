package shop.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import shop.platform.event.EventCodec;
import shop.platform.event.IncomingEvent;
import shop.platform.event.OutgoingEvent;

/**
 * The JSON examples under {@code contracts/} at the repository root: producers check their
 * serialisation against them, consumers read them into their own records.
 */
public final class Contracts {

    private static final EventCodec codec = new EventCodec();

    private Contracts() {}

    /** The example as text. */
    public static String json(String exchange, String type, int version) {
        Path file = root().resolve(exchange).resolve(type + ".v" + version + ".json");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no contract example " + file, e);
        }
    }

    /** The example as a consumer receives it. */
    public static IncomingEvent example(String exchange, String type, int version) {
        return codec.decode(json(exchange, type, version).getBytes(StandardCharsets.UTF_8), exchange, null);
    }

    /** The example read into a consumer's own record of the fields it uses. */
    public static <T> T example(String exchange, String type, int version, Class<T> fieldsType) {
        return codec.fields(example(exchange, type, version), fieldsType);
    }

    /**
     * Asserts that the platform serialises {@code event} to exactly the example (the envelope's
     * event id, time and causation are taken from the example).
     */
    public static void assertProduces(String exchange, OutgoingEvent event) {
        String expected = json(exchange, event.type(), event.schemaVersion());
        IncomingEvent example = codec.decode(expected.getBytes(StandardCharsets.UTF_8), exchange, null);
        Instant occurredAt = example.occurredAt();
        String produced = codec.encode(example.eventId(), event, occurredAt, example.causationId());
        try {
            JSONAssert.assertEquals(expected, produced, JSONCompareMode.STRICT);
        } catch (org.json.JSONException e) {
            throw new AssertionError("not JSON: " + produced, e);
        }
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("contracts");
            }
        }
        throw new IllegalStateException(
                "no contracts/ folder above " + Path.of("").toAbsolutePath());
    }
}
