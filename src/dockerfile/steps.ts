import { DockerfileParser, From, Instruction, JSONInstruction } from 'dockerfile-ast';

/** One instruction of a Dockerfile stage, reduced to what a history entry can be compared with. */
export interface Step {
  /** 1-based line of the instruction's keyword. */
  line: number;
  /** The stage's `AS` name, or its 0-based index as text (what `COPY --from=N` uses). */
  stage: string;
  keyword: string;
  /** Arguments without flags, continuations joined, comments dropped, whitespace collapsed. */
  text: string;
  /** Same with build args replaced by their defaults (dockerfile-ast's expansion). */
  expanded: string;
  /** For COPY and ADD: the destination as written and as expanded. */
  dest: { raw: string; expanded: string } | null;
  /** Exec form (`RUN ["a", "b"]`): the strings. */
  exec: string[] | null;
}

export interface Stage {
  index: number;
  name: string;
  line: number;
  /** The image or stage named by FROM, build args expanded. */
  from: string;
  steps: Step[];
}

/** The stages of a Dockerfile, in order, each with its instructions after FROM. */
export function parseStages(text: string): Stage[] {
  const dockerfile = DockerfileParser.parse(text);
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof From) {
      const index = stages.length;
      const name = instruction.getBuildStage() ?? String(index);
      const from = instruction.getExpandedArguments()[0]?.getValue() ?? instruction.getImageName() ?? '';
      stages.push({ index, name, line: lineOf(instruction), from, steps: [] });
      continue;
    }
    stages[stages.length - 1]?.steps.push(stepOf(instruction, stages[stages.length - 1]?.name ?? ''));
  }
  return stages;
}

/**
 * The steps that made an image built to `stage`, oldest first: the stage's own, after those of
 * the stages its FROM names in turn (`FROM build AS final` builds on `build`'s layers). Stops at
 * the first FROM that names an image rather than a stage: that image is the base.
 */
export function stepsOfChain(stages: readonly Stage[], stage: Stage): Step[] {
  const chain: Stage[] = [stage];
  for (let current = stage; ; ) {
    const parent = stages.find((other) => other.index < current.index && sameStage(other, current.from));
    if (parent === undefined || chain.includes(parent)) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain.flatMap((link) => link.steps);
}

function sameStage(stage: Stage, reference: string): boolean {
  return stage.name.toLowerCase() === reference.toLowerCase() || String(stage.index) === reference;
}

function stepOf(instruction: Instruction, stage: string): Step {
  const keyword = instruction.getKeyword().toUpperCase();
  const exec = execStrings(instruction);
  const raw = instruction.getArguments().map((argument) => argument.getValue());
  const expanded = instruction.getExpandedArguments().map((argument) => argument.getValue());
  // Arguments rather than getArgumentsContent(): the latter keeps an indented comment line.
  const text = keyword === 'RUN' ? withoutFlags(raw.join(' ')) : raw.join(' ');
  const copies = keyword === 'COPY' || keyword === 'ADD';
  const dest = !copies ? null : { raw: exec?.at(-1) ?? raw.at(-1) ?? '', expanded: exec?.at(-1) ?? expanded.at(-1) ?? '' };
  return { line: lineOf(instruction), stage, keyword, text: collapse(text), expanded: collapse(expanded.join(' ')), dest, exec };
}

/** The JSON strings of an exec-form instruction, or null for the shell form. */
function execStrings(instruction: Instruction): string[] | null {
  if (!(instruction instanceof JSONInstruction)) return null;
  const strings = instruction.getJSONStrings();
  return strings.length === 0 || instruction.getOpeningBracket() === null ? null : strings.map((json) => json.getJSONValue());
}

/** `RUN --mount=… --network=none cmd`: the flags are the builder's, not the command's. */
function withoutFlags(text: string): string {
  return text.replace(/^(?:\s*--[a-z-]+(?:=\S*)?)+\s+/i, '');
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}
