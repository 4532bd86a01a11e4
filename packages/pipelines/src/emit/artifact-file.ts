/** A file an emitter produces: a path relative to the output folder and its exact content. */
export interface ArtifactFile {
  readonly path: string;
  readonly content: string;
}

/** JSON with two-space indentation and a final newline (key order as built: emitters build it deterministically). */
export function jsonFile(path: string, value: unknown): ArtifactFile {
  return { path, content: `${JSON.stringify(value, null, 2)}\n` };
}
