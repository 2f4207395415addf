import { open } from 'node:fs/promises';

import { PkgrepoDiffError } from '../errors.js';

/** Where one member's bytes lie inside an uncompressed tar file. */
export interface TarMember {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'link' | 'other';
  linkName: string;
  offset: number;
  size: number;
}

const BLOCK = 512;

/**
 * Index the members of a tar file by reading only its headers, so an archive of gigabytes can be
 * served member by member with ranged reads. Supports ustar prefixes, GNU long names and PAX
 * `path`, `linkpath` and `size` records: what `docker save` and skopeo write.
 */
export async function indexTar(file: string): Promise<Map<string, TarMember>> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw new PkgrepoDiffError('E_NOT_FOUND', 'cannot open archive', { input: file, cause: error });
  });
  try {
    const { size } = await handle.stat();
    const members = new Map<string, TarMember>();
    const header = Buffer.alloc(BLOCK);
    let offset = 0;
    let pending: { name?: string; linkName?: string; size?: number } = {};
    while (offset + BLOCK <= size) {
      await handle.read(header, 0, BLOCK, offset);
      if (header.every((byte) => byte === 0)) break;
      if (!checksumMatches(header)) {
        throw new PkgrepoDiffError('E_FORMAT', `not a tar archive (bad header at byte ${offset})`, {
          input: file,
          hint: 'expected an uncompressed tar, as docker save and skopeo write',
        });
      }
      const typeFlag = String.fromCharCode(header[156] ?? 0);
      const bodySize = pending.size ?? readNumber(header.subarray(124, 136));
      const body = offset + BLOCK;
      const next = body + Math.ceil(bodySize / BLOCK) * BLOCK;
      if (next > size) throw new PkgrepoDiffError('E_FORMAT', 'archive is truncated', { input: file });

      if (typeFlag === 'x' || typeFlag === 'L' || typeFlag === 'K') {
        const data = Buffer.alloc(bodySize);
        await handle.read(data, 0, bodySize, body);
        pending = { ...pending, ...extendedHeader(typeFlag, data) };
      } else if (typeFlag !== 'g') {
        const name = pending.name ?? ustarName(header);
        const linkName = pending.linkName ?? cString(header.subarray(157, 257));
        members.set(normalizeMemberName(name), { name, type: memberType(typeFlag), linkName, offset: body, size: bodySize });
        pending = {};
      }
      offset = next;
    }
    // Headers come in whole blocks: a partial one at the end means the file was cut short.
    if (offset < size && offset + BLOCK > size) {
      const message = offset === 0 ? 'not a tar archive (shorter than one header)' : 'archive is truncated';
      throw new PkgrepoDiffError('E_FORMAT', message, { input: file });
    }
    return members;
  } finally {
    await handle.close();
  }
}

export function normalizeMemberName(name: string): string {
  return name.split('/').filter((part) => part !== '' && part !== '.').join('/');
}

/**
 * The regular file a member name ends at, following symlinks and hardlinks between members, as
 * docker save writes `layer.tar` links for a layer met twice.
 */
export function resolveMember<T extends Pick<TarMember, 'type' | 'linkName'>>(
  members: ReadonlyMap<string, T>,
  path: string,
  depth = 0,
): T | undefined {
  const member = members.get(normalizeMemberName(path));
  if (member === undefined || depth > 8) return undefined;
  if (member.type === 'link') return resolveMember(members, member.linkName, depth + 1);
  if (member.type === 'symlink') {
    const base = normalizeMemberName(path).split('/').slice(0, -1).join('/');
    const target = member.linkName.startsWith('/') ? member.linkName : `${base}/${member.linkName}`;
    return resolveMember(members, collapse(target), depth + 1);
  }
  return member.type === 'file' ? member : undefined;
}

function collapse(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

function extendedHeader(typeFlag: string, data: Buffer): { name?: string; linkName?: string; size?: number } {
  if (typeFlag === 'L') return { name: cString(data) };
  if (typeFlag === 'K') return { linkName: cString(data) };
  const result: { name?: string; linkName?: string; size?: number } = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number(data.subarray(at, space).toString());
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    const key = record.slice(0, equals);
    const value = record.slice(equals + 1);
    if (key === 'path') result.name = value;
    if (key === 'linkpath') result.linkName = value;
    if (key === 'size') result.size = Number(value);
    at += length;
  }
  return result;
}

function ustarName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const isUstar = header.subarray(257, 262).toString() === 'ustar';
  const prefix = isUstar ? cString(header.subarray(345, 500)) : '';
  return prefix === '' ? name : `${prefix}/${name}`;
}

function memberType(flag: string): TarMember['type'] {
  if (flag === '0' || flag === '\0' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  if (flag === '1') return 'link';
  return 'other';
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}

/** Octal, or GNU base-256 when the top bit of the first byte is set. */
function readNumber(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return value;
  }
  const text = cString(field).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function checksumMatches(header: Buffer): boolean {
  const stored = readNumber(header.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return sum === stored;
}
