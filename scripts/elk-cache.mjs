// Part of `npm run build`: lays out the cloud-EHR example once with elkjs compiled from scratch, then saves
// V8's code cache for elkjs (dist/elk.code-cache), so `koseizu diagram` skips most of elk's compilation.
// The cache belongs to this Node version; a different one ignores it (see loadElkWithCodeCache in src/io/elk.ts).
import { writeFileSync } from 'node:fs';
import { loadModel, diagramGraph } from '../dist/src/index.js';
import { diskHost, elkScript, runElkScript, ELK_CODE_CACHE } from '../dist/src/io/index.js';
import { fontMeasurer } from '../dist/renderers/font/index.js';
import { sizeGraph } from '../dist/src/diagram/layout.js';
import { createElkEngine } from '../dist/src/diagram/elk.js';

const script = elkScript();
const ELK = runElkScript(script);
const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
if (!model) throw new Error('the cloud-EHR example does not load');
const sized = sizeGraph(diagramGraph(model, { lang: 'ja' }), fontMeasurer());
const engine = createElkEngine(() => ELK);
await engine.place(sized, 'down');
await engine.place(sized, 'right');
writeFileSync(`dist/${ELK_CODE_CACHE}`, script.createCachedData());
