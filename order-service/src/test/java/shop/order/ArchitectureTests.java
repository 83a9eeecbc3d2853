package shop.order;

import org.junit.jupiter.api.Test;
import shop.platform.testing.PlainJavaDomain;

class ArchitectureTests {

    @Test
    void theDomainIsPlainJava() {
        PlainJavaDomain.check("shop.order");
    }
}
