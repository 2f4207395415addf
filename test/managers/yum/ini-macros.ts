import test from 'ava';

import type { IniResult } from '../../../src/managers/yum/model.js';

type Sections = Record<string, Record<string, string>>;

/** Sections as `{name: {key: value}}`, or the line the parser stops at. */
function view(result: IniResult): Sections | { failsAt: number } {
  if (!result.ok) return { failsAt: result.failure.line };
  const sections: Sections = {};
  for (const section of result.doc.sections) {
    sections[section.name] = Object.fromEntries(
      [...section.entries].map(([key, entry]) => [key, entry.value]),
    );
  }
  return sections;
}

/** `parses` and `refuses` macros for one INI dialect. */
export function iniMacros(parse: (text: string) => IniResult) {
  return {
    parses: test.macro({
      exec(t, text: string, expected: Sections) {
        t.deepEqual(view(parse(text)), expected);
      },
      title: (name = '') => `parses: ${name}`,
    }),
    refuses: test.macro({
      exec(t, text: string, line: number) {
        t.deepEqual(view(parse(text)), { failsAt: line });
      },
      title: (name = '') => `refuses: ${name}`,
    }),
  };
}
