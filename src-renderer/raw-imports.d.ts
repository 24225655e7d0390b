/** Vite's `?raw` import: a file's text, used by the theme test to read the CSS the app loads. */
declare module '*.css?raw' {
  const text: string;
  export default text;
}
