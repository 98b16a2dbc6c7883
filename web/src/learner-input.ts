// The learner form's JSON fields, read in the contracts' JSON form; a field the page cannot read is named.
import { fromJson } from "@bufbuild/protobuf";
import { FocusSessionSchema } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { ContentItemSchema } from "@aivo/gen/aivo/brain/v1/ml_pb.js";

/** InputError is input the page itself cannot read; its message names the field. */
export class InputError extends Error {}

function parseJson(field: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${field}: not valid JSON (${(error as Error).message})`);
  }
}

/** readSession and readCatalog read the form's JSON in the contracts' JSON form. */
export function readSession(text: string) {
  const json = parseJson("session", text);
  try {
    return fromJson(FocusSessionSchema, json as never);
  } catch (error) {
    throw new InputError(`session: ${(error as Error).message}`);
  }
}

export function readCatalog(text: string) {
  const json = parseJson("catalog", text);
  if (!Array.isArray(json)) throw new InputError("catalog: must be a JSON array of content items");
  return json.map((item, i) => {
    try {
      return fromJson(ContentItemSchema, item);
    } catch (error) {
      throw new InputError(`catalog[${i}]: ${(error as Error).message}`);
    }
  });
}
