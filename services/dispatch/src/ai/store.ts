// One SQL dialect for both storage backends: PostgreSQL when DATABASE_URL is set, otherwise PGlite
// (PostgreSQL compiled to WASM, embedded in the process, on disk under DATA_DIR or in memory).
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** Sql runs parameterised statements ($1, $2, ...), each atomic on its own. */
export interface Sql {
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** databaseUrl is PostgreSQL; a driver suffix such as postgresql+asyncpg:// (the brain's form) is accepted. */
  databaseUrl?: string;
  /** dataDir holds the embedded database; unset keeps it in memory. */
  dataDir?: string;
}

export async function openStore({ databaseUrl, dataDir }: StoreOptions): Promise<Sql> {
  return databaseUrl ? postgres(databaseUrl.replace(/^postgres(ql)?\+\w+:/, "postgresql:")) : embedded(dataDir);
}

function postgres(connectionString: string): Sql {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Every statement is prepared, named after its text, so each connection parses and plans the ledger's few
  // statements once instead of on every call: the budget hold's JSONB statement is on the response path.
  const nameOf = (text: string) => createHash("sha1").update(text).digest("hex");
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await pool.query({ name: nameOf(text), text, values: params })).rows as Row[],
    close: () => pool.end(),
  };
}

async function embedded(dataDir: string | undefined): Promise<Sql> {
  // PGlite creates only the last folder of its path; DATA_DIR itself may not exist yet on a fresh machine.
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await db.query<Row>(text, params)).rows,
    close: () => db.close(),
  };
}
