/**
 * A reader of the Dockerfile instructions the static checks need: stages and what each COPY takes.
 */
export interface Instruction {
  /** keyword is the instruction, upper case (FROM, COPY, RUN, ...). */
  keyword: string;
  /** args are the words after the keyword, flags included, in exec (JSON) or shell form. */
  args: string[];
  /** stage is the index of the build stage the instruction belongs to, 0 for the first FROM. */
  stage: number;
}

export interface CopySource {
  /** path is relative to the build context, or to the stage or image named by from. */
  path: string;
  from?: string;
}

export function parseDockerfile(text: string): Instruction[] {
  const lines = text.replace(/\\\n/g, " ").split("\n");
  const instructions: Instruction[] = [];
  let stage = -1;
  for (const line of lines.map((l) => l.trim())) {
    if (!line || line.startsWith("#")) continue;
    const [keyword, ...rest] = line.split(/\s+/);
    const upper = keyword.toUpperCase();
    if (upper === "FROM") stage += 1;
    const tail = line.slice(keyword.length).trim();
    const args = tail.startsWith("[") ? (JSON.parse(tail) as string[]) : rest;
    instructions.push({ keyword: upper, args, stage });
  }
  return instructions;
}

/** copySources lists the sources of every COPY and ADD, each with the stage or image it comes from, if any. */
export function copySources(instructions: Instruction[]): CopySource[] {
  return instructions
    .filter((i) => i.keyword === "COPY" || i.keyword === "ADD")
    .flatMap((i) => {
      const flags = i.args.filter((a) => a.startsWith("--"));
      const paths = i.args.filter((a) => !a.startsWith("--")).slice(0, -1);
      const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
      return paths.map((path) => ({ path, from }));
    });
}

/** finalStage is the instructions of the image that a build produces. */
export function finalStage(instructions: Instruction[]): Instruction[] {
  const last = Math.max(...instructions.map((i) => i.stage));
  return instructions.filter((i) => i.stage === last);
}
