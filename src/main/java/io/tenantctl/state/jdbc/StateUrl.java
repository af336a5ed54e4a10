package io.tenantctl.state.jdbc;

import io.tenantctl.diag.Codes;
import io.tenantctl.state.StateException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A {@code --state} URL: {@code sqlite:PATH} or {@code postgresql://user:pass@host:port/db}
 * ({@code postgres://} too; several {@code host:port} separated by commas for failover).
 * {@link #display()} never shows the password.
 */
public record StateUrl(Kind kind, String jdbcUrl, String user, String password, String display, Path sqlitePath) {

    /** The two dialects. */
    public enum Kind {
        SQLITE,
        POSTGRESQL
    }

    public static final String DEFAULT = "sqlite:.tenantctl/state.db";

    public static StateUrl parse(String text) {
        if (text.startsWith("sqlite:")) {
            String path = text.substring("sqlite:".length());
            if (path.startsWith("//")) {
                path = path.substring(2);
            }
            if (path.isBlank()) {
                throw invalid(text, "sqlite: needs a file path, for example sqlite:.tenantctl/state.db");
            }
            Path file = Path.of(path);
            return new StateUrl(Kind.SQLITE, "jdbc:sqlite:" + file, "", "", "sqlite:" + path, file);
        }
        if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
            return postgres(text);
        }
        throw invalid(text, "expected sqlite:PATH or postgresql://user:pass@host:port/db");
    }

    /**
     * {@code postgresql://[user[:pass]@]host[:port][,host[:port]...][/db][?params]}. Parsed by hand rather
     * than with {@code java.net.URI}, which allows one host only: a list of hosts is how a client fails over to
     * a promoted replica ({@code ?targetServerType=primary}), and the PostgreSQL driver takes it as is.
     */
    private static StateUrl postgres(String text) {
        String rest = text.substring(text.indexOf("://") + 3);
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question);
            rest = rest.substring(0, question);
        }
        String database = "postgres";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            if (slash + 1 < rest.length()) {
                database = decode(rest.substring(slash + 1));
            }
            rest = rest.substring(0, slash);
        }
        String user = "";
        String password = "";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String info = rest.substring(0, at);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
            rest = rest.substring(at + 1);
        }
        if (rest.isEmpty()) {
            throw invalid(text, "no host");
        }
        StringBuilder hosts = new StringBuilder();
        for (String entry : rest.split(",", -1)) {
            hosts.append(hosts.length() == 0 ? "" : ",").append(hostAndPort(text, entry));
        }
        String jdbc = "jdbc:postgresql://" + hosts + "/" + database + query;
        String shown = "postgresql://" + (user.isEmpty() ? "" : user + (password.isEmpty() ? "" : ":***") + "@") + hosts
                + "/" + database;
        return new StateUrl(Kind.POSTGRESQL, jdbc, user, password, shown, null);
    }

    /** {@code host}, {@code host:port} or {@code [v6address]:port}, with the default port made explicit. */
    private static String hostAndPort(String text, String entry) {
        String host = entry;
        String port = "5432";
        int colon =
                entry.startsWith("[") ? entry.indexOf(':', Math.max(entry.indexOf(']'), 0)) : entry.lastIndexOf(':');
        if (colon >= 0) {
            host = entry.substring(0, colon);
            port = entry.substring(colon + 1);
        }
        if (host.isEmpty() || host.equals("[]") || (host.startsWith("[") != host.endsWith("]"))) {
            throw invalid(text, "no host in '" + entry + "'");
        }
        if (!host.matches("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.%a-z]+]")) {
            throw invalid(text, "invalid host '" + host + "'");
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535 || Integer.parseInt(port) == 0) {
            throw invalid(text, "invalid port '" + port + "'");
        }
        return host + ":" + port;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static StateException invalid(String text, String why) {
        String shown = text.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
        return new StateException(Codes.STATE, "invalid --state URL " + shown + ": " + why);
    }
}
