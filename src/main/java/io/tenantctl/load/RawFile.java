package io.tenantctl.load;

/**
 * One manifest file as a source yields it, not yet parsed: the name diagnostics locate it by (the
 * path as the user gave it, {@code <stdin>}, or the path inside a git commit) and its bytes, which
 * are not copied.
 */
public record RawFile(String name, byte[] bytes) {}
