package io.tenantctl.provider.azure;

import io.tenantctl.model.Names;
import io.tenantctl.provider.StepFailure;
import io.tenantctl.provider.azure.http.RestResponse;
import io.tenantctl.step.ExternalAction;
import io.tenantctl.step.Step;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code VerifyDomain}: a person publishes the DNS TXT record the tenant gives (an external action),
 * and {@code POST /domains/{fqdn}/verify} checks it. The verify request is the check itself: Graph
 * changes nothing unless the record is there, and a domain it verified reads as verified, so it is
 * sent each time the step is looked at, until a read of {@code GET /domains/{fqdn}} shows
 * {@code isVerified}.
 */
final class DomainVerification {

    static final String OPERATION = "VerifyDomain";

    private final AzureTenants tenants;

    DomainVerification(AzureTenants tenants) {
        this.tenants = tenants;
    }

    /**
     * What the DNS zone's administrator must do: the step's own action ({@code dns/TENANT/DOMAIN}),
     * with the record to publish as the tenant gives it ({@code GET /domains/{fqdn}/verificationDnsRecords}).
     * When that read fails the action says what the step says, and where to find the record.
     */
    ExternalAction action(Step step) {
        ExternalAction action = step.external().orElseThrow();
        String domain = domain(step);
        String where = "GET /domains/" + domain + "/verificationDnsRecords";
        Optional<JsonNode> txt;
        try {
            txt = tenants.graph(step.target().name()).list(path(domain) + "/verificationDnsRecords").stream()
                    .filter(r -> r.path("recordType").asString("").equalsIgnoreCase("Txt"))
                    .findFirst();
        } catch (StepFailure f) {
            txt = Optional.empty();
        }
        String record = txt.map(
                        r -> "publish the TXT record \"" + r.path("text").asString("")
                                + "\" at " + r.path("label").asString(domain) + " (TTL "
                                + r.path("ttl").asInt(3600)
                                + ", from " + where + ")")
                .orElse(action.what() + " (" + where + " lists it)");
        return new ExternalAction(
                action.id(),
                action.who(),
                record + ", so that Tenant/" + step.target().name() + " can verify " + domain);
    }

    /** Whether the domain reads as verified now. */
    boolean verified(Step step) throws StepFailure {
        Graph graph = tenants.graph(step.target().name());
        RestResponse read = graph.read(path(domain(step)), new Graph.Ids());
        if (read.status() == 404) {
            throw new StepFailure(
                    "Tenant/" + step.target().name() + " has no domain " + domain(step) + " to verify",
                    "domain-not-found",
                    Optional.empty(),
                    List.of());
        }
        return read.body().path("isVerified").asBoolean(false);
    }

    /**
     * Asks Graph to verify the domain. A {@code 400} is Graph not finding the record (the page
     * documents no error of its own for it, so the malformed-request status of the errors page is
     * taken as "not there yet"); any other failure is the step's.
     *
     * @return whether Graph verified it
     */
    boolean verify(Step step) throws StepFailure {
        Graph graph = tenants.graph(step.target().name());
        Graph.Ids ids = new Graph.Ids();
        String path = path(domain(step)) + "/verify";
        RestResponse answer = graph.attempt(path, ids);
        if (answer.status() == 400) {
            return false;
        }
        if (answer.status() >= 300) {
            throw graph.failed("POST /v1.0" + path, answer, ids);
        }
        return true;
    }

    private static String path(String domain) {
        return "/domains/" + Graph.segment(domain);
    }

    private static String domain(Step step) {
        return Names.key(step.domain().orElseThrow());
    }
}
