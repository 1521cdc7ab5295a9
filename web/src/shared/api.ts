// Every call goes to the gateway on this page's own origin. The session is an HttpOnly cookie the page cannot read;
// writes carry the session's CSRF token (kept in memory, read back from GET /api/auth/session after a reload).

export interface Session {
  userId: string;
  username: string;
  tenantId: string;
  tenant: string;
  roles: string[];
  projectIds: string[];
  expiresAt: string;
  csrfToken: string;
  /** When the session's token was issued: the app renews it once half of its life is gone (shared/session.ts). */
  issuedAt?: string | null;
  /** The session's hard end (its sign-in plus the gateway's maximum): no renewal goes past it. */
  endsAt?: string | null;
}

export class ApiError extends Error {
  constructor(
    public status: number,
    public title: string,
    public detail?: string,
    public errors?: Record<string, string[]>,
    public body?: Record<string, unknown>,
  ) {
    super(detail ? `${title} ${detail}` : title);
  }
}

let csrfToken = "";
let userId = "";
let onSignedOut: () => void = () => {};

export function rememberSession(session: Session | null) {
  csrfToken = session?.csrfToken ?? "";
  if (session) userId = session.userId;
}

/** The user signed in last in this page (kept after the session ended: their unsaved work stays theirs). */
export function signedInUser(): string {
  return userId;
}

export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}

async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, credentials: "same-origin", headers: { Accept: "application/json", ...headers } };
  if (method !== "GET") {
    (init.headers as Record<string, string>)["X-CSRF-Token"] = csrfToken;
  }
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    (init.headers as Record<string, string>)["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401 && path !== "/api/auth/session") {
    onSignedOut();
  }
  if (!response.ok) {
    let problem: { title?: string; detail?: string; errors?: Record<string, string[]>; [more: string]: unknown } = {};
    try {
      problem = await response.json();
    } catch {
      /* not a ProblemDetails body */
    }
    throw new ApiError(response.status, problem.title ?? response.statusText, problem.detail, problem.errors, problem);
  }
  if (response.status === 204 || response.headers.get("Content-Length") === "0") {
    return undefined as T;
  }
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body: unknown, headers?: Record<string, string>) => request<T>("PUT", path, body, headers),
  del: <T>(path: string) => request<T>("DELETE", path),
};

export async function signIn(tenant: string, username: string, password: string): Promise<Session> {
  const session = await api.post<Session>("/api/auth/session", { tenant, username, password });
  rememberSession(session);
  return session;
}

export async function currentSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>("/api/auth/session");
    rememberSession(session);
    return session;
  } catch {
    return null;
  }
}

export async function signOut() {
  await api.del("/api/auth/session").catch(() => undefined);
  rememberSession(null);
}

/** A query string from the defined values only. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
