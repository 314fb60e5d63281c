// Mermaid under jsdom, for the tests that check what koseizu emits with Mermaid's own parser
// (mermaid.parse needs a DOM for DOMPurify). Loaded once per test file, in its beforeAll.
import { JSDOM } from 'jsdom';

export type Mermaid = (typeof import('mermaid'))['default'];

export async function loadMermaid(): Promise<Mermaid> {
  const dom = new JSDOM('');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  const mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false });
  return mermaid;
}
