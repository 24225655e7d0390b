/** A benchmark script: `bundled` ones are TypeScript, bundled for Node before they run. */
export interface Bench {
  name: string;
  source: string;
  bundled: boolean;
}
export function listBenches(): Bench[];
