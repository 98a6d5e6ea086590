/**
 * What keeps `parley serve` private to the person who started it, although it listens on a TCP port that every
 * process (and every web page, through the browser) on the machine can reach:
 *
 * - Host check: a request whose Host header is not 127.0.0.1:PORT or localhost:PORT is refused. A web page on
 *   another site can rebind its own DNS name to 127.0.0.1 (DNS rebinding), but its requests still carry its
 *   own name in Host.
 * - Token: a random secret that only the printed URL carries. The page (GET /?token=…) sets it as a cookie so
 *   that the browser can load app.js and app.css; API calls must send it in the X-Parley-Token header, which a
 *   foreign page cannot make a browser add, so the cookie alone never authorises a change (no CSRF).
 * - Origin: a request that names a foreign Origin is refused, and no CORS header is ever sent.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const TOKEN_HEADER = 'x-parley-token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The cookie that carries the token for one server; the port is in the name because cookies ignore ports. */
export function tokenCookieName(port: number): string {
  return `parley_token_${port}`;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostIsAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).includes(host);
}

/** A missing Origin is fine (navigation, curl); a present one must be this server. */
export function originIsAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export function sameToken(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/**
 * The page may load only its own scripts and styles, connect only to this server, and never be framed.
 * No 'unsafe-inline' anywhere: an injected <script> or style attribute does not run.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response, whatever it is. */
export function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  // The page URL carries the token: never send it on as a Referer.
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Cache-Control', 'no-store');
}
