package io.tenantctl.connect;

import io.tenantctl.json.WireName;
import java.util.Optional;

/**
 * The national clouds and their endpoints (Microsoft Graph "National cloud deployments", Azure
 * Resource Manager's per-cloud hosts, the Microsoft identity platform's authority hosts).
 */
public enum Cloud implements WireName {
    PUBLIC(
            "public",
            "https://login.microsoftonline.com/",
            "https://graph.microsoft.com",
            "https://management.azure.com"),
    US_GOVERNMENT(
            "usgovernment",
            "https://login.microsoftonline.us/",
            "https://graph.microsoft.us",
            "https://management.usgovcloudapi.net"),
    CHINA(
            "china",
            "https://login.chinacloudapi.cn/",
            "https://microsoftgraph.chinacloudapi.cn",
            "https://management.chinacloudapi.cn");

    private final String wireName;
    private final Endpoints endpoints;

    Cloud(String wireName, String login, String graph, String arm) {
        this.wireName = wireName;
        this.endpoints = new Endpoints(login, graph, arm, Optional.empty());
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public static Optional<Cloud> fromWireName(String name) {
        return WireName.find(Cloud.class, name);
    }
}
