package shop.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a canonical form of a validated request: its fields as JSON in a fixed order,
 * so that spacing or the order of fields in the body do not matter, while any value does. A
 * mapper of its own keeps the form stable whatever the application's JSON settings.
 */
final class RequestFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private RequestFingerprint() {}

    static String of(PlaceOrder request) {
        byte[] canonical = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
