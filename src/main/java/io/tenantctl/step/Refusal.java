package io.tenantctl.step;

/** Why a step cannot be done at a given point, with the code of the rule it would break. */
public record Refusal(String code, String message) {}
