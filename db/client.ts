// Data access goes through getDb(); this module refuses to be imported into browser code.
import "server-only";
import { initDb } from "./init";

export const getDb = initDb;
