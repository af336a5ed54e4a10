package io.tenantctl.agent;

import java.time.Duration;
import java.util.List;

/**
 * One source the agent keeps the state on.
 *
 * @param url      a git remote: a local path, {@code file://}, or any URL JGit fetches from
 * @param paths    the manifest paths inside the repository, as {@code plan -f} takes them
 * @param applyset the manifest set it applies (default: the source's name)
 * @param jitter   each wait is shortened by a random fraction up to this, so that agents started
 *                 together spread out and no wait is longer than the interval
 * @param as       the only identities its plans may use as actors (empty: anyone)
 */
public record SourceConfig(
        String name,
        String url,
        String branch,
        List<String> paths,
        String applyset,
        Duration interval,
        double jitter,
        Policy policy,
        DriftPolicy drift,
        boolean prune,
        List<String> as) {

    public SourceConfig {
        paths = List.copyOf(paths);
        as = List.copyOf(as);
    }

    /** The URL without user information, fit for status, logs and plans. */
    public String displayUrl() {
        return url.replaceAll("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }
}
