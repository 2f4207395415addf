import type { Problem } from '../types.js';

export const MANAGER = 'yum';

/**
 * Which reader of the rpm world the image carries: yum 3 (RHEL 7, Amazon Linux 2), dnf 4 with
 * libdnf (also microdnf), or dnf 5. They share the file layout but not the details.
 */
export type Stack = 'yum3' | 'dnf4' | 'dnf5';

/** One `key=value` of an INI section, after the dialect's own trimming and quote rules. */
export interface IniEntry {
  key: string;
  value: string;
  /** yum 3 only: the value before `$vars` were replaced in its line. */
  raw?: string;
  /** The file and line of the key (an included file for yum 3). */
  path: string;
  line: number;
}

export interface IniSection {
  name: string;
  path: string;
  line: number;
  /** In order of first appearance; a repeated key keeps its place and takes the last value. */
  entries: Map<string, IniEntry>;
}

/** Sections in order of first appearance; a repeated section is merged into the first. */
export interface IniDocument {
  sections: IniSection[];
}

/** Where a parser gave up; both dialects refuse the whole file then. */
export interface IniFailure {
  path: string;
  line: number;
  message: string;
}

export type IniResult = { ok: true; doc: IniDocument } | { ok: false; failure: IniFailure };

/** Variables a manager substitutes into values: name → value. */
export type Vars = ReadonlyMap<string, string>;

export function problem(path: string, line: number | null, message: string): Problem {
  return { manager: MANAGER, path, line, message };
}

export function sectionOf(doc: IniDocument, name: string): IniSection | undefined {
  return doc.sections.find((section) => section.name === name);
}

/** Add a section, or return the earlier one of that name so the two merge. */
export function openSection(
  doc: IniDocument,
  name: string,
  path: string,
  line: number,
): IniSection {
  const existing = sectionOf(doc, name);
  if (existing !== undefined) return existing;

  const section: IniSection = { name, path, line, entries: new Map() };
  doc.sections.push(section);
  return section;
}
