/**
 * Problems found in user input, as values. Every stage returns its result together with the
 * {@link io.tenantctl.diag.Diagnostic}s it found and keeps going, so that one run reports every
 * problem at once. A diagnostic carries a stable code (a rule of the world, {@code yaml},
 * {@code schema}, ...) and, where the problem sits in a manifest, its {@code file:line:column}.
 */
package io.tenantctl.diag;
