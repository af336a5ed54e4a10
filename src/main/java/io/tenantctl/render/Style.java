package io.tenantctl.render;

/**
 * ANSI colours, or none. Colour is used only when the output is a terminal and neither
 * {@code --no-color} nor {@code NO_COLOR} asks otherwise; the words never depend on it.
 */
public record Style(boolean enabled) {

    public static final Style PLAIN = new Style(false);

    public String red(String text) {
        return wrap("31", text);
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
