import { gunzipSync } from 'node:zlib';

import type { RootView } from '../types.js';

/**
 * `mirror+file:` sources name a local mirror list (apt-transport-mirror(1)): one URI per line,
 * `#` comments, optional tab-separated metadata after the URI. The list is where packages
 * really come from, so its URIs count as the source's own.
 */

/** The mirror-list path of a canonical URI, or null when it is not a local mirror list. */
export function mirrorListPath(uri: string): string | null {
  const match = /^mirror\+file:(.*)$/i.exec(uri);
  if (match === null) return null;
  // FixupURI appended a '/' that is not part of the file name.
  const path = (match[1] ?? '').replace(/\/+$/, '');
  return path.startsWith('/') ? path : null;
}

export type MirrorList = { uris: string[] } | { error: string };

export function readMirrorList(root: RootView, path: string): MirrorList {
  const file = root.readFile(path);
  if (file === undefined) return { error: `mirror list ${path} not found` };

  let text = file.text;
  if (path.endsWith('.gz')) {
    try {
      text = gunzipSync(file.bytes).toString('utf8');
    } catch {
      return { error: `mirror list ${path} is not valid gzip` };
    }
  } else if (/\.(xz|bz2|lzma|zst|lz4)$/.test(path)) {
    // TODO(mirror-list): decompress the other codecs apt accepts once a reader for them exists.
    return { error: `mirror list ${path} is compressed in a format not read yet` };
  }
  return { uris: parseMirrorList(text) };
}

export function parseMirrorList(text: string): string[] {
  const uris: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const uri = line.split(/[\t ]+/)[0];
    if (uri !== undefined) uris.push(uri);
  }
  return uris;
}
