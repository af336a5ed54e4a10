/**
 * From documents to desired objects: each document is checked against the JSON Schema of its
 * kind (the files in {@code schemas/}, packaged as resources), bound to a typed object, and
 * checked for duplicates across all manifests. Rule violations found later by other stages are
 * turned into located diagnostics here too, by {@link io.tenantctl.validate.Origins}, the one place
 * that knows which document each object came from.
 */
package io.tenantctl.validate;
