package shop.payment.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import shop.payment.domain.Account;

/** The body of {@code POST /customers}: a new customer and the balance they start with. */
record CreateCustomerRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 of A-Z, a-z, 0-9, '.', '_', '-'")
        String customerId,

        @NotBlank @Size(max = 200) String name,

        @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 2)
        BigDecimal balance) {

    Account toAccount() {
        return new Account(customerId, name, balance.setScale(2));
    }
}
