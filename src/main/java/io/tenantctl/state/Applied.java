package io.tenantctl.state;

import io.tenantctl.model.WorldObject;

/**
 * What an applyset's manifests last set an object to, at which revision, from which source. A live
 * object that differs from it has drifted.
 */
public record Applied(WorldObject object, long revision, String source) {}
