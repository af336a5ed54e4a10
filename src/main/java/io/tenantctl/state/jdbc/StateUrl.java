package io.tenantctl.state.jdbc;

import io.tenantctl.rules.Codes;
import io.tenantctl.state.StateException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A {@code --state} URL: {@code sqlite:PATH} or {@code postgresql://user:pass@host:port/db}
 * ({@code postgres://} too). {@link #display()} never shows the password.
 */
public record StateUrl(Kind kind, String jdbcUrl, String user, String password, String display, Path sqlitePath) {

    /** The two dialects. */
    public enum Kind { SQLITE, POSTGRESQL }

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
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw invalid(text, e.getReason());
            }
            if (uri.getHost() == null) {
                throw invalid(text, "no host");
            }
            String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String user = "";
            String password = "";
            String info = uri.getRawUserInfo();
            if (info != null) {
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                password = colon < 0 ? "" : decode(info.substring(colon + 1));
            }
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query;
            String shown = "postgresql://" + (user.isEmpty() ? "" : user + (password.isEmpty() ? "" : ":***") + "@")
                    + uri.getHost() + ":" + port + "/" + database;
            return new StateUrl(Kind.POSTGRESQL, jdbc, user, password, shown, null);
        }
        throw invalid(text, "expected sqlite:PATH or postgresql://user:pass@host:port/db");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static StateException invalid(String text, String why) {
        String shown = text.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
        return new StateException(Codes.STATE, "invalid --state URL " + shown + ": " + why);
    }
}
