package io.tenantctl.diff;

import tools.jackson.databind.JsonNode;

/**
 * One field that differs, as a JSON Pointer into the manifest with the value before and after
 * (a JSON null where the field is absent).
 */
public record FieldChange(String path, JsonNode before, JsonNode after) {}
