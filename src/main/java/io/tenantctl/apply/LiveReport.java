package io.tenantctl.apply;

import java.util.List;
import java.util.Optional;

/**
 * What a live apply did to real tenants, step by step: the steps done (now or by an earlier run of
 * the same plan), the step that failed with what the service said, and the steps not run.
 *
 * @param run     the journal's run
 * @param done    1-based indexes of the steps done
 * @param failed  the step that failed, if one did
 * @param notRun  1-based indexes of the steps not run
 * @param resumed whether this apply resumed a run an earlier one left unfinished
 */
public record LiveReport(long run, List<Integer> done, Optional<Failed> failed, List<Integer> notRun, boolean resumed) {

    public LiveReport {
        done = List.copyOf(done);
        notRun = List.copyOf(notRun);
    }

    /**
     * The step that failed.
     *
     * @param code      the service's error code (or tenantctl's: {@code not-observed}, ...)
     * @param requestId the failed request's id, when the service gave one
     */
    public record Failed(int index, String step, String code, Optional<String> requestId, String message) {}
}
