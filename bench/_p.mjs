const idx = await import('../dist/src/index.js'); const io = await import('../dist/src/io.js');
const { parseYaml } = await import('../dist/src/parse.js');
const fs = await import('node:fs');
const text = fs.readFileSync('examples/cloud-ehr/model.yaml','utf8');
for (let i=0;i<5;i++){ let t=performance.now(); idx.loadModel('examples/cloud-ehr/model.yaml', io.diskHost); const a=performance.now()-t; t=performance.now(); parseYaml({path:'x',text}); const b=performance.now()-t; t=performance.now(); (await import('yaml')).parseDocument(text); const c=performance.now()-t; console.log(a.toFixed(1), b.toFixed(1), c.toFixed(1)); }
