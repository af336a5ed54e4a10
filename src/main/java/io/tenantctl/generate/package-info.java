/**
 * Realistic synthetic worlds, for benchmarks and property tests: a {@link io.tenantctl.generate.WorldGenerator}
 * makes a valid world of a given size from a seed, a {@link io.tenantctl.generate.WorldMutator}
 * derives a second valid world with a given fraction of changes, and a
 * {@link io.tenantctl.generate.ManifestWriter} writes either as a tree of manifest files. Everything
 * is deterministic for a seed.
 */
package io.tenantctl.generate;
