/**
 * Reading manifests. A {@link io.tenantctl.load.ManifestSource} yields raw files (name and bytes)
 * for the {@code -f} paths: {@link io.tenantctl.load.WorkingTree} from files, directories and
 * standard input, {@link io.tenantctl.load.GitManifestSource} from the files of one git commit.
 * Both find their files by the one policy of {@link io.tenantctl.load.FolderWalk} (extensions,
 * recursion, hidden names, links that leave the folder, the {@link io.tenantctl.load.Limits}) over
 * a tree each ({@code DiskTree}, {@code GitTree}). {@link io.tenantctl.load.ManifestLoader} then
 * parses each file into {@link io.tenantctl.load.Document}s, each a JSON tree with a
 * {@link io.tenantctl.load.SourceMap} that turns any JSON Pointer into it back into
 * {@code file:line:column}.
 *
 * <p>Manifests may come from untrusted pull requests, so the YAML is read event by event with
 * SnakeYAML Engine (YAML 1.2 core schema: {@code NO} and {@code on} stay strings) and everything a
 * manifest never needs is refused with a located diagnostic: anchors and aliases, merge keys,
 * explicit tags, duplicate keys, complex keys, and input past the {@link io.tenantctl.load.Limits}.
 * Nothing here throws for bad input.
 */
package io.tenantctl.load;
