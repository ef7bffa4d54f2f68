// next-auth endpoints (session, CSRF token, credentials callback, sign-out).
export { GET, POST } from "@/lib/auth/handlers";
