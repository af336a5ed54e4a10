package io.tenantctl.profile;

import io.tenantctl.rules.RuleSet;

/**
 * The rules and step semantics of one era of the world, as a value made of small parts. A profile
 * that differs from another in one part (say, what a transfer removes) is the other's parts with
 * that one replaced; see docs/architecture.md, "The profile seam".
 *
 * @param name          what users select it by ({@code classic}); recorded in every plan
 * @param rules         the invariants checked after every step, and the advice given on the end state
 * @param steps         which steps a change needs, their priorities, when one is already done, and
 *                      what each touches
 * @param preconditions why a step cannot run now whoever does it, and what the desired world refuses
 *                      before any step is planned
 * @param authority     who may do a step now, in order of preference, and which temporary grants
 *                      could let someone do it
 * @param effects       what a step does to the world
 * @param limits        the sizes the era allows, for tools that make worlds (the generator)
 */
public record Profile(
        String name,
        RuleSet rules,
        StepCatalogue steps,
        Preconditions preconditions,
        AuthorityPolicy authority,
        Effects effects,
        Limits limits) {}
