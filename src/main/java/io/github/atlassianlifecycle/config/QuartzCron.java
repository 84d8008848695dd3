package io.github.atlassianlifecycle.config;

import org.springframework.scheduling.support.CronExpression;

/**
 * A startup check of the cron expressions Camunda's timers take (Quartz: seconds first, six fields and an optional
 * year, {@code ?} in exactly one of day-of-month and day-of-week). The engine parses the expression only when the
 * timer is first scheduled, inside a deployment; checked here, a typo stops the start with the setting's name
 * instead. Spring's parser checks the ranges of the first six fields (it accepts what Quartz accepts there).
 */
final class QuartzCron {

    private QuartzCron() {
    }

    static boolean isValid(String expression) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 6 && fields.length != 7) {
            return false;
        }
        boolean dayOfMonthFree = fields[3].equals("?");
        boolean dayOfWeekFree = fields[5].equals("?");
        if (dayOfMonthFree == dayOfWeekFree) {
            return false;
        }
        if (fields.length == 7 && !fields[6].matches("\\*|\\d{4}(-\\d{4})?(/\\d+)?(,\\d{4})*")) {
            return false;
        }
        try {
            CronExpression.parse(String.join(" ", java.util.Arrays.copyOf(fields, 6)));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
