/**
 * The use cases, each a straight line through the stages: validate (load, schema, rules), plan
 * (validate, read the state, diff, schedule), apply (plan under the state's lock, or re-check a
 * saved plan, then commit). The command line calls these and only chooses how to show the result.
 */
package io.tenantctl.engine;
