/**
 * Realistic synthetic worlds, for benchmarks and property tests: a {@link io.tenantctl.generate.WorldGenerator}
 * makes a valid world of a given size from a seed, and a {@link io.tenantctl.generate.WorldMutator}
 * derives a second valid world with a given fraction of changes. Everything is deterministic for
 * a seed; {@code render.ManifestTree} writes either as a tree of manifest files.
 */
package io.tenantctl.generate;
