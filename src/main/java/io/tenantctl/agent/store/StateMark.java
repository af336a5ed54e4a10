package io.tenantctl.agent.store;

/** Which state and which revision of it: all a cycle needs to know whether the state moved. */
public record StateMark(String lineage, long revision) {}
