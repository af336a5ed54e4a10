/**
 * HTTP for Microsoft Graph and Azure Resource Manager over the JDK's {@code HttpClient}: a bearer
 * token per request ({@link RestClient}), paging by {@code @odata.nextLink} and {@code nextLink}
 * (followed only to the host the first page came from, so a token never leaves it), throttling
 * ({@code 429} and {@code 503}, waiting as {@code Retry-After} says, bounded by {@link Retry}),
 * and failures as values a plan can show ({@link RestFailure}: status, the service's error code,
 * its request id; never a token or a secret).
 */
package io.tenantctl.provider.azure.http;
