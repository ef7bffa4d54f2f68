// Vitest setup file: the event loop gets a turn before every test. The services under test are
// synchronous (better-sqlite3), and Vitest runs hooks and tests back to back on resolved promises:
// a file of heavy tests then never lets its worker read Vitest's replies, and after 60 s the worker's
// own call times out ("Timeout calling onTaskUpdate") although every test passed.
import { beforeEach } from "vitest";

beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
