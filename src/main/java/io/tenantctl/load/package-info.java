/**
 * Reading manifests: files, directories and standard input (or, through
 * {@link io.tenantctl.load.GitManifestSource}, the files of one git commit) become {@link io.tenantctl.load.Document}s,
 * each a JSON tree with a {@link io.tenantctl.load.SourceMap} that turns any JSON Pointer into it
 * back into {@code file:line:column}.
 *
 * <p>Manifests may come from untrusted pull requests, so the YAML is read event by event with
 * SnakeYAML Engine (YAML 1.2 core schema: {@code NO} and {@code on} stay strings) and everything a
 * manifest never needs is refused with a located diagnostic: anchors and aliases, merge keys,
 * explicit tags, duplicate keys, complex keys, and input past the {@link io.tenantctl.load.Limits}.
 * Nothing here throws for bad input.
 */
package io.tenantctl.load;
