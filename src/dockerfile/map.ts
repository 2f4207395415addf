import { readFile } from 'node:fs/promises';

import { trace } from '../debug.js';
import { PkgrepoDiffError } from '../errors.js';
import { historyIndexForLayers } from '../inventory/history.js';
import type { ImageConfig } from '../oci/types.js';
import { alignHistory, type Alignment } from './align.js';
import { parseStages, stepsOfChain, type Stage } from './steps.js';

const debug = trace('dockerfile');

/** Dockerfiles larger than this are not build files. */
const DOCKERFILE_LIMIT = 1024 * 1024;

/** Where in the Dockerfile a layer came from. */
export interface DockerfileLine {
  /** The Dockerfile as the user named it. */
  path: string;
  line: number;
  /** The stage's `AS` name, or its 0-based index as text. */
  stage: string;
}

/** The Dockerfile's view of one image: a line per layer where sure, and where the base ends. */
export interface DockerfileMap {
  path: string;
  /** layers[i]: the instruction that made layer i; null for the base's layers and where unsure. */
  layers: (DockerfileLine | null)[];
  /** Layers that came with the FROM image; null when the history could not be aligned whole. */
  baseLayers: number | null;
  /** The stage the image was matched to. */
  stage: string | null;
}

export interface Dockerfile {
  path: string;
  stages: Stage[];
}

/** Read and parse a Dockerfile; a missing, huge or stage-less file is a usage error. */
export async function loadDockerfile(path: string): Promise<Dockerfile> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > DOCKERFILE_LIMIT) throw new Error(`larger than ${DOCKERFILE_LIMIT} bytes`);
    text = bytes.toString('utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PkgrepoDiffError('E_USAGE', `cannot read the Dockerfile: ${reason}`, { input: path, cause: error, hint: 'give --dockerfile the file the image was built from' });
  }
  const stages = parseStages(text);
  if (stages.length === 0) throw new PkgrepoDiffError('E_FORMAT', 'no FROM instruction: not a Dockerfile', { input: path });
  return { path, stages };
}

/**
 * Map an image's layers to the Dockerfile lines that made them. Tries the final stage first
 * (what `docker build` builds without --target), then the others, and keeps the first whose
 * steps all find their history entries; failing that, the final stage's partial alignment.
 */
export function mapDockerfile(dockerfile: Dockerfile, config: ImageConfig, layerCount: number): DockerfileMap {
  const history = config.history ?? [];
  const candidates = [...dockerfile.stages].reverse().map((stage) => ({ stage, alignment: alignHistory(history, stepsOfChain(dockerfile.stages, stage)) }));
  const chosen = candidates.find((candidate) => candidate.alignment.complete) ?? candidates[0];
  if (chosen === undefined) return { path: dockerfile.path, layers: new Array<null>(layerCount).fill(null), baseLayers: null, stage: null };

  const { stage, alignment } = chosen;
  if (!alignment.complete) debug('%s: stage %s aligned only in part; stopped at %s', dockerfile.path, stage.name, alignment.stoppedAt);
  const byLayer = historyIndexForLayers(config, layerCount);
  const layers = byLayer.map((at) => lineOf(dockerfile.path, alignment, at));
  if (!alignment.complete) {
    const unsure = layers.flatMap((line, index) => (line === null ? [index] : []));
    debug('%s: no line for layers %o: the history below the mismatch is not matched to any step', dockerfile.path, unsure);
  }
  const baseLayers = alignment.complete ? countBase(byLayer, alignment.baseTop) : null;
  debug('%s: stage %s, %d of %d layers mapped, base %s', dockerfile.path, stage.name, layers.filter(Boolean).length, layerCount, baseLayers ?? 'unknown');
  return { path: dockerfile.path, layers, baseLayers, stage: stage.name };
}

function lineOf(path: string, alignment: Alignment, historyIndex: number | null): DockerfileLine | null {
  const step = historyIndex === null ? undefined : alignment.steps.get(historyIndex);
  return step === undefined ? null : { path, line: step.line, stage: step.stage };
}

/**
 * Layers below the build's first entry. A layer history cannot place is counted as the base's
 * only while it sits below every placed build layer (unplaced layers are always the bottom ones).
 */
function countBase(byLayer: readonly (number | null)[], baseTop: number): number {
  let count = 0;
  while (count < byLayer.length && (byLayer[count] ?? -1) <= baseTop) count += 1;
  return count;
}
