package shop.payment.account.web;

import java.math.BigDecimal;
import shop.payment.account.Account;

/** A customer as the API shows it. */
record CustomerResponse(String customerId, String name, BigDecimal balance) {

    static CustomerResponse of(Account account) {
        return new CustomerResponse(account.customerId(), account.name(), account.balance());
    }
}
