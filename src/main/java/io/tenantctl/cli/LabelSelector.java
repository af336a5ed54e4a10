package io.tenantctl.cli;

import io.tenantctl.model.WorldObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code -l} as kubectl takes it: requirements separated by commas, all of which must hold:
 * {@code key=value} (or {@code ==}), {@code key!=value}, {@code key} (the label is set) and
 * {@code !key} (it is not). Several {@code -l} options must all hold too.
 */
final class LabelSelector {

    private static final String KEY = "[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?";

    private LabelSelector() {}

    static Predicate<WorldObject> parse(CommandSpec spec, List<String> selectors) {
        List<Predicate<Map<String, String>>> all = new ArrayList<>();
        for (String selector : selectors) {
            for (String part : selector.split(",", -1)) {
                all.add(requirement(spec, part.trim(), selector));
            }
        }
        return object -> all.stream().allMatch(p -> p.test(object.metadata().labels()));
    }

    private static Predicate<Map<String, String>> requirement(CommandSpec spec, String text, String selector) {
        int not = text.indexOf("!=");
        int eq = text.indexOf('=');
        if (not > 0) {
            String key = key(spec, text.substring(0, not), selector);
            String value = text.substring(not + 2);
            return labels -> !value.equals(labels.get(key));
        }
        if (eq > 0) {
            String key = key(spec, text.substring(0, eq), selector);
            String value = text.substring(text.startsWith("==", eq) ? eq + 2 : eq + 1);
            return labels -> value.equals(labels.get(key));
        }
        if (text.startsWith("!")) {
            String key = key(spec, text.substring(1), selector);
            return labels -> !labels.containsKey(key);
        }
        String key = key(spec, text, selector);
        return labels -> labels.containsKey(key);
    }

    private static String key(CommandSpec spec, String key, String selector) {
        String trimmed = key.trim();
        if (!trimmed.matches(KEY)) {
            throw Usage.error(
                    spec,
                    "invalid label selector '" + selector + "' (expected key=value, key!=value, key or !key,"
                            + " comma-separated)");
        }
        return trimmed;
    }
}
