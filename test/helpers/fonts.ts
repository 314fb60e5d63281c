// Whether this machine has a Japanese font, as a reader's has: the printed report and workbook are drawn
// with the system's fonts (the HTML report names Noto Sans JP / Noto Sans CJK JP; LibreOffice falls back
// to any font covering Japanese), so their printed pages can only be measured where one is installed.
import { spawnSync } from 'node:child_process';

/** The families of the installed fonts that cover Japanese (fontconfig's `fc-list :lang=ja`); [] when none or no fontconfig. */
export function japaneseFonts(): string[] {
  const run = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  if (run.status !== 0) return [];
  return [...new Set(run.stdout.split('\n').map((l) => l.trim()).filter((l) => l.length > 0))].sort();
}

export const JAPANESE_FONT_HINT = 'no Japanese font is installed (apt-get install --no-install-recommends fonts-noto-cjk)';
