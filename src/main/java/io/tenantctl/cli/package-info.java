/**
 * The command line: picocli commands that parse arguments, call the {@link io.tenantctl.engine}
 * use case, choose a view, and return an exit code (DESIGN.md section 3). Commands write through
 * {@code spec.commandLine().getOut()/getErr()} so tests capture everything in-process, and take the
 * process environment (variables, standard input, terminal, clock) from {@link io.tenantctl.cli.Environment}.
 */
package io.tenantctl.cli;
