// `npm run create-admin -- --email someone@example.org [--name "Full Name"]`: the first (or another)
// administrator of a database without demo accounts. The password is never an argument (it would
// stay in the shell history and in `ps`): typed twice without echo at a terminal, else the first
// line of stdin (a pipe), or ADMIN_PASSWORD. Same password rules as in the app; an existing email
// is refused; the creation is in the audit log. DATABASE_PATH selects the database, as for the server.
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { closeEngine, engineLabel, openEngine } from "../db/init";
import { inTransaction } from "../db/transaction";
import { users } from "../db/schema";
import { hashPassword } from "../lib/auth/password";
import { checkAdminInput, EmailTakenError, insertAdministrator } from "../seed/first-admin";

function fail(message: string, code = 1): never {
  console.error(`create-admin: ${message}`);
  process.exit(code);
}

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\u0003") {
          finish();
          process.exit(130); // Ctrl-C
        }
        if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          finish();
          resolve(value);
          return;
        }
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readFirstLine(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? "";
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await readHidden("Password: ");
  const second = await readHidden("Password again: ");
  if (first !== second) fail("the two passwords differ");
  return first;
}

async function main() {
  if (process.argv.some((a) => a === "--password" || a.startsWith("--password=")))
    fail("the password is not taken as an argument (shell history, ps): type it when asked, pipe it on stdin, or set ADMIN_PASSWORD", 2);
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (error) {
    fail(
      `${(error as Error).message}\nusage: npm run create-admin -- --email someone@example.org [--name "Full Name"]  (password on stdin or in ADMIN_PASSWORD)`,
      2,
    );
  }
  if (!values.email) fail('--email is required\nusage: npm run create-admin -- --email someone@example.org [--name "Full Name"]', 2);

  const db = await openEngine();
  // Before asking for the password; checked again inside the transaction.
  const normalised = values.email.trim().toLowerCase();
  if ((await db.select({ id: users.id }).from(users).where(eq(users.email, normalised)).limit(1)).length)
    fail(`a user with the email ${normalised} already exists`);

  const input = checkAdminInput({ email: values.email, name: values.name, password: await readPassword() });
  if (!input.ok) fail(input.error);
  const { email, name, password } = input.value;
  const passwordHash = await hashPassword(password);
  try {
    const id = await inTransaction(db, (tx) => insertAdministrator(tx, { email, name, passwordHash }, "create-admin"));
    console.log(`Created the administrator ${email} (user ${id}) in ${engineLabel()}.`);
  } catch (error) {
    if (error instanceof EmailTakenError) fail(error.message);
    throw error;
  } finally {
    await closeEngine(db);
  }
}

void main();
