// The browser session: the user's JWT in the aivo_session cookie and a random aivo_csrf cookie that
// every call repeats in the x-csrf-token header (double-submit, docs/conventions.md "Tokens").
import type { Interceptor } from "@connectrpc/connect";

const SESSION_COOKIE = "aivo_session";
const CSRF_COOKIE = "aivo_csrf";
const CSRF_HEADER = "x-csrf-token";

function cookie(name: string): string | undefined {
  const pair = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
  return pair?.slice(name.length + 1);
}

function setCookie(name: string, value: string, maxAgeSeconds: number): void {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; SameSite=Strict${secure}`;
}

/** signIn keeps token as the session; the gateway checks it on each call. */
export function signIn(token: string): void {
  const csrf = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
  setCookie(SESSION_COOKIE, token.trim(), 7 * 24 * 3600);
  setCookie(CSRF_COOKIE, csrf, 7 * 24 * 3600);
}

export function signOut(): void {
  setCookie(SESSION_COOKIE, "", 0);
  setCookie(CSRF_COOKIE, "", 0);
}

/** Who the session says it is, read from the token without checking it: for display only. */
export interface SessionClaims {
  tenantId?: string;
  learnerId?: string;
}

export function currentSession(): SessionClaims | undefined {
  const token = cookie(SESSION_COOKIE);
  if (!token) return undefined;
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    return { tenantId: String(payload.tenant_id ?? ""), learnerId: payload.learner_id === undefined ? undefined : String(payload.learner_id) };
  } catch {
    return {};
  }
}

/** csrfHeader repeats the CSRF cookie in the header the gateway compares it with. */
export const csrfHeader: Interceptor = (next) => (req) => {
  const csrf = cookie(CSRF_COOKIE);
  if (csrf) req.header.set(CSRF_HEADER, csrf);
  return next(req);
};
