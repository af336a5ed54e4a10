/**
 * Views: text, JSON, Markdown and YAML renderings of diagnostics, plans, the state and its
 * history. Views read the values other stages produced and never compute anything of their own,
 * so the text a person reads and the JSON a pipeline parses always agree.
 */
package io.tenantctl.render;
