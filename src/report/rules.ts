import Table from 'cli-table3';

import { RULE_IDS, RULES, type Rule } from '../findings/catalog.js';
import type { JsonValue } from '../managers/types.js';
import { createPaint } from './paint.js';

/** `pkgrepo-diff rules`: every rule with its id, default severity, title, explanation and fix. */
export function rulesToTable(options: { color: boolean }): string {
  const paint = createPaint(options.color);
  const table = new Table({
    head: ['Rule', 'Severity', 'What and why / fix'].map((title) => paint.bold(title)),
    colWidths: [35, 10, 53],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const rule of listRules()) {
    table.push([rule.id, paint.severity(rule.severity, rule.severity), `${rule.title}\n\n${rule.explanation}\n\nFix: ${rule.fix}`]);
  }
  return `${table.toString()}\n`;
}

/** The same list as JSON: `{ rules: [{ id, severity, title, explanation, fix }] }`. */
export function rulesToJson(): { rules: Array<Record<string, JsonValue>> } {
  return { rules: listRules().map((rule) => ({ ...rule })) };
}

function listRules(): Rule[] {
  return RULE_IDS.map((id) => RULES[id]);
}
