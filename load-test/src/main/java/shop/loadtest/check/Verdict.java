package shop.loadtest.check;

import java.util.List;

/** The invariants of ARCHITECTURE §5 for one run, and what broke them. */
public record Verdict(boolean stockConserved, boolean moneyConserved, boolean expectedOutcomes, List<String> problems) {

    public boolean allHold() {
        return stockConserved && moneyConserved && expectedOutcomes;
    }
}
