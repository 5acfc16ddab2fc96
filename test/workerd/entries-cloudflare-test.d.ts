// The part of the pool's `cloudflare:test` module the entry tests use (SELF: the wrangler.toml `main`).
declare module 'cloudflare:test' {
  export const SELF: { fetch(input: string | Request, init?: RequestInit): Promise<Response> };
}
