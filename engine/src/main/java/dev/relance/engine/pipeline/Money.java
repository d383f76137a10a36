package dev.relance.engine.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.InvalidInputException.FieldProblem;

/** An amount as a decimal string with an ISO-4217 currency: both or neither. */
record Money(BigDecimal amount, String currency) {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,16}(\\.\\d{1,2})?");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    /** Checks and parses; null when both are absent. */
    static Money parse(String amount, String currency) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean hasAmount = amount != null && !amount.isBlank();
        boolean hasCurrency = currency != null && !currency.isBlank();
        if (hasAmount && !DECIMAL.matcher(amount).matches()) {
            problems.add(new FieldProblem("amount", amount.strip().startsWith("-") ? "must not be negative"
                    : "must be a decimal string with at most 2 decimals, such as \"12500.00\""));
        }
        if (hasCurrency && !isIsoCurrency(currency)) {
            problems.add(new FieldProblem("currency", "must be an ISO-4217 code such as EUR"));
        }
        if (hasAmount && !hasCurrency) {
            problems.add(new FieldProblem("currency", "is required with an amount"));
        }
        if (hasCurrency && !hasAmount) {
            problems.add(new FieldProblem("amount", "is required with a currency"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return hasAmount ? new Money(new BigDecimal(amount).setScale(2), currency) : null;
    }

    private static boolean isIsoCurrency(String code) {
        if (!CODE.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
