import { createHash, randomUUID } from "node:crypto";

export const TOKEN_STORAGE_KEY = "auth.accessToken";
export const REFRESH_TOKEN_KEY = "auth.refreshToken";
const API_BASE = process.env.API_BASE ?? "https://api.internal.test";

export interface Credentials {
  username: string;
  password: string;
}

export async function login({ username, password }: Credentials): Promise<string> {
  const res = await fetch(`${API_BASE}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Request-Id": randomUUID() },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const { accessToken } = await res.json();
  localStorage.setItem(TOKEN_STORAGE_KEY, accessToken);
  return accessToken;
}

export function authHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export const fingerprint = (s: string) => createHash("sha256").update(s).digest("hex");
export const BUILD_ID = "49fb93a9dc29da74bfc158a7d759ce4c45894859";
export const PUBLIC_SENTRY_RELEASE = "dashboard@1.4.2+029352a1c8c1";
