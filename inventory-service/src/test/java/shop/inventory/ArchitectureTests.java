package shop.inventory;

import org.junit.jupiter.api.Test;
import shop.platform.testing.PlainJavaDomain;

class ArchitectureTests {

    @Test
    void theDomainIsPlainJava() {
        PlainJavaDomain.check("shop.inventory");
    }
}
