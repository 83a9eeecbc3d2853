package shop.loadtest.chaos;

import java.util.List;

/**
 * One fault's round, as the table and the JSON report show it.
 *
 * @param placed orders the gateway accepted (202)
 * @param inFlightAtFault accepted orders not yet final when the fault hit
 * @param finished orders that reached a final status in time
 * @param lost accepted orders the API does not know at the end, and planned orders the gateway
 *     never accepted (refused, or no definite answer: nothing shows what became of them)
 * @param stuck accepted orders still not final when the round's time ran out
 * @param duplicatesApplied saga events that happened twice for one order (a duplicate handled as new)
 * @param deadLetters messages added to the consumers' dead-letter queues during the round
 * @param deadLettersExpected how many of those the fault itself must cause (the poison)
 * @param faultError why the fault could not be injected or ended badly, if it did
 */
public record RoundResult(
        String fault,
        int placed,
        int inFlightAtFault,
        int finished,
        int lost,
        int stuck,
        int duplicatesSent,
        int duplicatesApplied,
        long deadLetters,
        long deadLettersExpected,
        boolean stockConserved,
        boolean moneyConserved,
        boolean expectedOutcomes,
        String faultError,
        List<String> problems) {

    public boolean invariantsHold() {
        return stockConserved && moneyConserved && expectedOutcomes;
    }

    public boolean passed() {
        return faultError == null
                && lost == 0
                && stuck == 0
                && duplicatesApplied == 0
                && deadLetters == deadLettersExpected
                && invariantsHold();
    }
}
