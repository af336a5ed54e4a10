package io.tenantctl.it;

import io.tenantctl.cli.Cli;
import io.tenantctl.cli.Environment;
import io.tenantctl.testing.ManifestSet;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;

/**
 * One applier process of the PostgreSQL stress test: it runs the real command line, in this JVM,
 * {@code count} times against a shared state, alternating {@code apply -f} (which plans under the
 * lock and must always commit) with {@code plan --out} followed by {@code apply PLANFILE} (which is
 * stale whenever another applier committed in between). Every change overlaps with the other
 * appliers': they all rename the same tenant, and each adds accounts of its own.
 *
 * <p>It prints one line per operation: {@code apply-f <exit>}, {@code saved <exit>} and, for every
 * commit, the revision it made, so the test can count and check.
 */
public final class StressApplier {

    public static void main(String[] args) throws Exception {
        String state = args[0];
        int id = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        for (int i = 0; i < count; i++) {
            ManifestSet set = ManifestSet.valid();
            set.tenant("contoso").displayName("Contoso renamed by applier " + id + " round " + i);
            for (int k = 0; k <= i; k++) {
                set.account("applier-" + id + "-" + k).microsoft("applier" + id + "x" + k + "@outlook.com");
            }
            Path manifests = set.writeTo(work.resolve("applier-" + id + "-" + i));
            if (i % 2 == 0) {
                Result r = run(
                        "apply",
                        "-f",
                        manifests.toString(),
                        "--auto-approve",
                        "--state",
                        state,
                        "--lock-timeout",
                        "120s");
                System.out.println("apply-f " + r.code + " " + revision(r.out) + " " + oneLine(r.err));
            } else {
                Path plan = work.resolve("plan-" + id + "-" + i + ".json");
                Result p = run("plan", "-f", manifests.toString(), "--state", state, "--out", plan.toString());
                if (p.code != 0) {
                    System.out.println("plan " + p.code + " " + oneLine(p.err));
                    continue;
                }
                Result r = run("apply", plan.toString(), "--state", state, "--lock-timeout", "120s");
                System.out.println("saved " + r.code + " " + revision(r.out) + " " + oneLine(r.err));
            }
        }
        System.out.flush();
        System.exit(0);
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        Environment env = new Environment(
                () -> new ByteArrayInputStream(new byte[0]),
                Map.of(),
                Clock.systemUTC(),
                false,
                false,
                false,
                () -> UUID.randomUUID().toString());
        CommandLine cli = new Cli(env).commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String revision(String out) {
        int at = out.indexOf("Revision ");
        if (at < 0) {
            return "-";
        }
        int end = out.indexOf(':', at);
        return out.substring(at + "Revision ".length(), end);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
