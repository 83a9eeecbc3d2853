package shop.payment.web;

import java.math.BigDecimal;
import shop.payment.domain.Account;

/** A customer as the API shows it. */
record CustomerResponse(String customerId, String name, BigDecimal balance) {

    static CustomerResponse of(Account account) {
        return new CustomerResponse(account.customerId(), account.name(), account.balance());
    }
}
