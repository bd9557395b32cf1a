import { createHmac } from "node:crypto";

const secret = process.env.SESSION_SECRET;
const apiKey = process.env.API_KEY ?? "";

export function sign(tokens) {
  return tokens
    .map(token => token.trim())
    .filter(token => token.length > 0)
    .map(token => createHmac("sha256", secret).update(token).digest("hex"));
}

export const headers = (token) => ({ authorization: `Bearer ${token}`, "x-api-key": apiKey });
export const config = { token:token_from_env, secret: secret, apiKey };
