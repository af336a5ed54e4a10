/**
 * JSON plumbing shared by every stage: the one mapper, pretty and compact printing, and the
 * canonical form (sorted keys, no whitespace) that digests are computed over.
 */
package io.tenantctl.json;
