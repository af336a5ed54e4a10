package io.tenantctl.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration option ({@code --lock-timeout}): {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h},
 * combined as in {@code 1m30s}, or a plain number of seconds; decimals allowed ({@code 1.5s}).
 * picocli turns a refusal into a usage error (exit 64) that names the option.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final String EXPECTED = " (expected e.g. 60s, 1m30s, 500ms, 2m)";

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("-")) {
            throw new TypeConversionException("a duration cannot be negative: '" + value + "'");
        }
        try {
            if (SECONDS.matcher(text).matches()) {
                return millis(text, 1000);
            }
            Matcher part = PART.matcher(text);
            Duration total = Duration.ZERO;
            int end = 0;
            while (part.lookingAt()) {
                total = total.plus(millis(part.group(1), unit(part.group(2))));
                end = part.end();
                part.region(end, text.length());
            }
            if (end == 0 || end != text.length()) {
                throw new TypeConversionException("invalid duration '" + value + "'" + EXPECTED);
            }
            return total;
        } catch (ArithmeticException e) {
            throw new TypeConversionException("duration '" + value + "' is too long");
        }
    }

    private static long unit(String suffix) {
        return switch (suffix) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> throw new IllegalArgumentException("no duration unit " + suffix);
        };
    }

    /** {@code number} units of {@code unitMillis} milliseconds each, to the nearest millisecond. */
    private static Duration millis(String number, long unitMillis) {
        double value = Double.parseDouble(number) * unitMillis;
        if (value > Long.MAX_VALUE / 2.0) {
            throw new ArithmeticException("too long");
        }
        return Duration.ofMillis(Math.round(value));
    }
}
