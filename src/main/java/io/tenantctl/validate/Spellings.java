package io.tenantctl.validate;

import io.tenantctl.model.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How one manifest spells the sign-in names and domains it mentions, where that differs from the
 * normalised form the model keeps ({@code JohnDoe@contoso.com} for {@code johndoe@contoso.com}), so
 * that messages can show the names as they are written.
 */
final class Spellings {

    /** The fields of a spec that hold sign-in names or domains, alone or in lists. */
    private static final List<String> NAME_FIELDS = List.of(
            "signInName",
            "initialDomain",
            "domains",
            "globalAdministrators",
            "accountAdministrator",
            "serviceAdministrator",
            "coAdministrators");

    private Spellings() {}

    /** Normalised name to written name, for the names written otherwise; usually empty. */
    static Map<String, String> of(JsonNode root) {
        Map<String, String> out = Map.of();
        JsonNode spec = root.path("spec");
        for (String field : NAME_FIELDS) {
            JsonNode value = spec.path(field);
            for (JsonNode name : value.isArray() ? value : List.of(value)) {
                if (name.isString() && !Names.key(name.stringValue()).equals(name.stringValue())) {
                    if (out.isEmpty()) {
                        out = new HashMap<>();
                    }
                    out.putIfAbsent(Names.key(name.stringValue()), name.stringValue());
                }
            }
        }
        return out;
    }
}
