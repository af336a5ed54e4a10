package io.tenantctl.cli;

import java.util.Map;
import java.util.TreeMap;

/**
 * Who runs an apply, for the history: the operating-system user (or whoever
 * {@code TENANTCTL_OPERATOR} names), and, in a CI job, which service, a link to the run and who
 * triggered it, from the variables each service sets. In CI the user is the runner's account,
 * so the run and its trigger are what tell a person later who applied.
 */
final class Operator {

    private Operator() {}

    static Map<String, String> of(Environment env) {
        Map<String, String> out = new TreeMap<>();
        String named = env.variable("TENANTCTL_OPERATOR").trim();
        out.put("user", named.isEmpty() ? System.getProperty("user.name", "unknown") : named);
        if (!env.variable("GITHUB_ACTIONS").isEmpty()) {
            ci(
                    out,
                    "GitHub Actions",
                    join(
                            env.variable("GITHUB_SERVER_URL"),
                            env.variable("GITHUB_REPOSITORY"),
                            "actions/runs",
                            env.variable("GITHUB_RUN_ID")),
                    env.variable("GITHUB_ACTOR"));
        } else if (!env.variable("GITLAB_CI").isEmpty()) {
            ci(
                    out,
                    "GitLab CI",
                    first(env.variable("CI_JOB_URL"), env.variable("CI_PIPELINE_URL")),
                    env.variable("GITLAB_USER_LOGIN"));
        } else if (!env.variable("TF_BUILD").isEmpty()) {
            ci(
                    out,
                    "Azure Pipelines",
                    env.variable("SYSTEM_COLLECTIONURI").isEmpty()
                                    || env.variable("BUILD_BUILDID").isEmpty()
                            ? ""
                            : env.variable("SYSTEM_COLLECTIONURI") + env.variable("SYSTEM_TEAMPROJECT")
                                    + "/_build/results?buildId=" + env.variable("BUILD_BUILDID"),
                    env.variable("BUILD_REQUESTEDFOR"));
        } else if (!env.variable("JENKINS_URL").isEmpty()) {
            ci(out, "Jenkins", env.variable("BUILD_URL"), env.variable("BUILD_USER_ID"));
        } else if (!env.variable("CIRCLECI").isEmpty()) {
            ci(out, "CircleCI", env.variable("CIRCLE_BUILD_URL"), env.variable("CIRCLE_USERNAME"));
        } else if (!env.variable("BUILDKITE").isEmpty()) {
            ci(out, "Buildkite", env.variable("BUILDKITE_BUILD_URL"), env.variable("BUILDKITE_BUILD_CREATOR"));
        } else if (!env.variable("CI").isEmpty() && !env.variable("CI").equalsIgnoreCase("false")) {
            ci(out, "CI", "", "");
        }
        return out;
    }

    private static void ci(Map<String, String> out, String service, String run, String triggeredBy) {
        out.put("ci", service);
        if (!run.isEmpty()) {
            out.put("run", run);
        }
        if (!triggeredBy.isEmpty()) {
            out.put("triggeredBy", triggeredBy);
        }
    }

    private static String join(String server, String repository, String path, String id) {
        if (server.isEmpty() || repository.isEmpty() || id.isEmpty()) {
            return "";
        }
        return server + "/" + repository + "/" + path + "/" + id;
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
