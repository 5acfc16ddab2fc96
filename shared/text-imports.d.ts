// Files every runner imports as their text (a web page's HTML, CSS and browser script): wrangler
// `[[rules]]` (wrangler.toml), esbuild and Vite plugins (scripts/text-imports.ts) and the Node
// loader hook for tsx (scripts/text-imports.mjs). Browser scripts end in `.browser.js` so that no
// other `.js` import is ever mistaken for text.
declare module '*.html' {
  const text: string;
  export default text;
}
declare module '*.css' {
  const text: string;
  export default text;
}
declare module '*.browser.js' {
  const text: string;
  export default text;
}
