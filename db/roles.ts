// The roles of the platform (see README for what each can do).
export const ROLES = ["admin", "correspondent", "supervisor", "interviewer", "reporter"] as const;
export type Role = (typeof ROLES)[number];
