import type { ImageConfig } from '../oci/types.js';

/**
 * The instruction that made each layer, from the config's history. Entries marked empty_layer
 * made no layer. When history and layers disagree in number, the last entries are matched to
 * the last layers (a squashed or rebased base loses its early history, not the build's own),
 * and the layers left over get null rather than a guess.
 */
export function instructionsForLayers(config: ImageConfig, layerCount: number): (string | null)[] {
  const history = config.history ?? [];
  return historyIndexForLayers(config, layerCount).map((at) => {
    const entry = at === null ? undefined : history[at];
    return entry === undefined ? null : formatInstruction(entry.created_by ?? '', entry.comment);
  });
}

/** For each layer, the index in config.history of the entry that made it (same rule as above). */
export function historyIndexForLayers(config: ImageConfig, layerCount: number): (number | null)[] {
  const made = (config.history ?? []).flatMap((entry, at) => (entry.empty_layer === true ? [] : [at]));
  const result: (number | null)[] = new Array<number | null>(layerCount).fill(null);
  const placed = Math.min(made.length, layerCount);
  for (let k = 1; k <= placed; k += 1) result[layerCount - k] = made[made.length - k] ?? null;
  return result;
}

/** Turn a history `created_by` back into the Dockerfile instruction a person wrote. */
export function formatInstruction(createdBy: string, comment?: string): string | null {
  // The classic builder names copied content by its hash: keep enough of it to tell files apart.
  let text = createdBy.trim().replace(/\b(file|dir|multi):([a-f0-9]{12})[a-f0-9]{52}\b/g, '$1:$2');
  if (text === '') return comment === undefined || comment === '' ? null : `# ${comment}`;

  // BuildKit: "RUN /bin/sh -c apt-get update # buildkit", "COPY a /b # buildkit"
  if (text.endsWith('# buildkit')) {
    text = text.slice(0, -'# buildkit'.length).trim();
    return text.replace(/^RUN (?:\|\d+(?: \S+=\S*)* )?\/bin\/sh -c /, 'RUN ');
  }
  // Classic builder with build args: "|2 A=1 B=2 /bin/sh -c cmd"
  text = text.replace(/^\|\d+(?: \S+=\S*)* (?=\/bin\/sh -c )/, '');
  // Classic builder metadata steps: "/bin/sh -c #(nop)  ENV X=1", "#(nop) COPY file:.. in /etc/"
  const nop = /^(?:\/bin\/sh -c )?#\(nop\)\s+(.*)$/s.exec(text);
  if (nop?.[1] !== undefined) return nop[1].trim();
  if (text.startsWith('/bin/sh -c ')) return `RUN ${text.slice('/bin/sh -c '.length).trim()}`;
  if (/^cmd \/S \/C /i.test(text)) return `RUN ${text.slice('cmd /S /C '.length).trim()}`;
  return text;
}
