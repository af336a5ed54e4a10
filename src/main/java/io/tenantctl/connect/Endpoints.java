package io.tenantctl.connect;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a tenant is reached: the token authority host, Microsoft Graph and Azure Resource Manager,
 * each an {@code https} base URL without a trailing path; and a certificate authority to trust
 * besides the JDK's (a private endpoint, or the local test server).
 *
 * @param login the authority host, ending in {@code /}
 * @param graph the Graph host; requests go to {@code graph + "/v1.0" + path}
 * @param arm   the Resource Manager host
 */
public record Endpoints(String login, String graph, String arm, Optional<Path> caFile) {

    /** The scope of a token for Microsoft Graph. */
    public String graphScope() {
        return graph + "/.default";
    }

    /** The scope of a token for Azure Resource Manager. */
    public String armScope() {
        return arm + "/.default";
    }
}
