// The one error type services throw for a refusal the caller can act on: the HTTP status it maps
// to, a message for people, and optional details (refused cells, conflicts). Route wrappers and
// server-action wrappers turn it into a 4xx JSON body or a form message; anything else is a bug.
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError;
