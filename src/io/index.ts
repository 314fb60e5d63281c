// 'koseizu/node': what the library needs from Node.js and the machine, for programs that run on them as
// the CLI does. Model files read from disk or from a git revision, outputs written whole, the PNG
// rasteriser with the bundled fonts, elkjs with this machine's code cache, and the workshop server.
import type { Resources } from '../index.js';
import { loadElkWithCodeCache } from './elk.js';
import { pngRasteriser } from './png.js';

export { diskHost, writeNewFile, withTempFiles, type WriteResult } from './disk.js';
export { MANIFEST, recordingHost, targetProblem, writeOutputFile, writeReportFolder, type FolderProblem, type NotAFile, type TargetProblem } from './output.js';
export { commonFolder, openModel, outputRoot, rootedHost, type OpenedModel } from './paths.js';
export { gitHost, gitRefExists, type GitError, type GitHost, type GitHostOptions } from './git.js';
export { pngRasteriser } from './png.js';
export { loadElkWithCodeCache, elkScript, runElkScript, elkCacheFile, elkCacheStatus, cacheFolder, type ElkCacheState, type ElkCacheStatus } from './elk.js';
export { packageRoot, packageVersion, schemaFile, diagramFontFiles, readDiagramFonts } from './package.js';
export { startServer, openBrowser, isLoopback, DEFAULT_HOST, DEFAULT_PORT, PAGE_CSP, type ServeOptions, type RunningServer } from './serve.js';

/**
 * The Resources the CLI runs with: elkjs compiled once with this machine's code cache and kept, and the PNG
 * rasteriser with the bundled Noto Sans JP (read on first use and kept).
 */
export function nodeResources(): Required<Resources> {
  let elk: unknown;
  return {
    loadElk: () => (elk ??= loadElkWithCodeCache()) as ReturnType<NonNullable<Resources['loadElk']>>,
    rasteriser: pngRasteriser(),
  };
}
