package io.tenantctl.plan;

import java.time.Instant;

/**
 * How a plan was made: by which tenantctl, when, against which store, with which options besides
 * those the plan itself records ({@code as}, {@code applyset}). The plan document carries it as
 * {@code made}; the digest does not cover it, so that the same manifests planned against the same
 * state give the same digest whenever and wherever they are planned (a re-plan in CI, an agent's
 * held plan), while what a plan does stays covered.
 *
 * @param tool        tenantctl's version
 * @param at          when the plan was made
 * @param state       the store's URL, never with its password
 * @param stateExists false when the plan was made against a state that did not exist yet (from empty)
 * @param maxPrune    the largest fraction of its objects the applyset could prune
 */
public record Provenance(
        String tool,
        Instant at,
        String state,
        boolean stateExists,
        boolean prune,
        double maxPrune,
        boolean allowMassPrune,
        boolean forceAdopt) {}
