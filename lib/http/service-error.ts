// The one error type services throw for a refusal the caller can act on: the HTTP status it maps
// to, a message for people (a catalogue refusal, worded in the user's language by the interface,
// or plain English for refusals only scripts can meet), and optional details (refused cells,
// conflicts). Route wrappers and server-action wrappers turn it into a 4xx JSON body or a form
// message; anything else is a bug.
import type { Refusal } from "./refusal";

export class ServiceError extends Error {
  readonly refusal?: Refusal;
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422,
    reason: string | Refusal,
    readonly details?: unknown,
  ) {
    super(typeof reason === "string" ? reason : reason.message);
    this.name = "ServiceError";
    if (typeof reason !== "string") this.refusal = reason;
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError;
