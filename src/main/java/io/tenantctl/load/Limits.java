package io.tenantctl.load;

/**
 * Bounds on what one run reads. They keep a hostile input from costing more than a few seconds or
 * a few hundred megabytes, and are set far above what real manifest trees need (the 100,000-object
 * benchmark tree is about 30 MB in total, no file over 1 MB, nesting depth 5).
 *
 * @param maxFileBytes       largest single file or standard input
 * @param maxTotalBytes      all files of one run together
 * @param maxFiles           number of manifest files in one run
 * @param maxDocumentsPerFile YAML documents in one file
 * @param maxDepth           nesting of mappings and sequences
 * @param maxScalarLength    characters in one key or value
 * @param maxProblemsPerFile diagnostics reported for one file before the rest are summarised
 */
public record Limits(
        long maxFileBytes,
        long maxTotalBytes,
        int maxFiles,
        int maxDocumentsPerFile,
        int maxDepth,
        int maxScalarLength,
        int maxProblemsPerFile) {

    public static final Limits DEFAULT =
            new Limits(16L * 1024 * 1024, 512L * 1024 * 1024, 200_000, 20_000, 32, 8_192, 100);
}
