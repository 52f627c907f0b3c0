// Checks every .py file under the given folders with ruff's WebAssembly build, asyncio rules
// (ASYNC) only, and prints how many files and findings there were. Folders named site-packages
// are skipped unless named on the command line, as asynclint's discovery does.
'use strict';
const fs = require('fs');
const path = require('path');
const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');

function pythonFiles(root, files) {
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'site-packages' && !entry.name.startsWith('.')) {
        pythonFiles(full, files);
      }
    } else if (entry.isFile() && entry.name.endsWith('.py')) {
      files.push(full);
    }
  }
  return files;
}

const workspace = new Workspace({ lint: { select: ['ASYNC'] } }, PositionEncoding.Utf16);
let files = 0;
let findings = 0;
let failures = 0;
for (const root of process.argv.slice(2)) {
  for (const file of pythonFiles(root, [])) {
    files++;
    try {
      findings += workspace.check(fs.readFileSync(file, 'utf8')).length;
    } catch (error) {
      failures++;
    }
  }
}
console.log(`ruff-wasm ${Workspace.version()}: ${files} files, ${findings} findings, ${failures} failed`);
