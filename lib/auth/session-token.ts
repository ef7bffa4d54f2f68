// The session cookie and a small cache of decoded session tokens. A token is an encrypted JWT that
// never changes once issued, so what it decodes to can be kept until it expires; the user it names
// is still checked against the database on every request (lib/auth/session.ts).

const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.(\d+))?$/;

/** Auth.js's session cookie (joined when it was split into chunks `.0`, `.1`, …), with the cookie
 *  name the token was encrypted for; null when there is none. */
export function sessionTokenOf(cookies: { name: string; value: string }[]): { name: string; value: string } | null {
  const parts = cookies
    .map((c) => ({ c, m: SESSION_COOKIE.exec(c.name) }))
    .filter((x): x is { c: { name: string; value: string }; m: RegExpExecArray } => x.m !== null && x.c.value !== "");
  if (!parts.length) return null;
  const whole = parts.find((p) => p.m[1] === undefined);
  if (whole) return { name: whole.c.name, value: whole.c.value };
  parts.sort((a, b) => Number(a.m[1]) - Number(b.m[1]));
  return { name: parts[0].c.name.replace(/\.\d+$/, ""), value: parts.map((p) => p.c.value).join("") };
}

export type DecodedSession = { uid: number; sv: number };

/** Decoded tokens until they expire; bounded (the oldest entry goes first). */
export class SessionTokenCache {
  private entries = new Map<string, { session: DecodedSession; expiresAt: number }>();
  constructor(
    private readonly capacity = 5000,
    private readonly now = () => Date.now(),
  ) {}

  get(token: string): DecodedSession | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(token);
      return null;
    }
    return entry.session;
  }

  set(token: string, session: DecodedSession, expiresAt: number) {
    if (expiresAt <= this.now()) return;
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { session, expiresAt });
  }

  get size() {
    return this.entries.size;
  }
}
