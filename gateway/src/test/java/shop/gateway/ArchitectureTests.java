package shop.gateway;

import org.junit.jupiter.api.Test;
import shop.platform.testing.PlainJavaDomain;

class ArchitectureTests {

    @Test
    void theViewsDomainIsPlainJava() {
        PlainJavaDomain.check("shop.gateway");
    }
}
