// The views' logic (grouping, labels, layout, SVG, page, export inputs) stays free of the editor API so it
// is tested here; only the thin providers and commands import vscode.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/seeds';

const dir = join(repoRoot, 'src', 'vscode', 'views');
const PURE = ['eventDates.ts', 'labels.ts', 'eventGroups.ts', 'annotationGroups.ts', 'timelineLayout.ts', 'timelineSvg.ts', 'timelineHtml.ts', 'exportData.ts'];

function imports(file: string): string[] {
  return [...readFileSync(join(dir, file), 'utf8').matchAll(/(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('views: pure modules', () => {
  it('exist', () => {
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(PURE));
  });

  it.each(PURE)('%s imports neither vscode, Node built-ins, nor a module that does', (file) => {
    for (const spec of imports(file)) {
      expect(spec).not.toBe('vscode');
      expect(spec).not.toMatch(/^node:|^(fs|path|os|crypto)$/);
      if (spec.startsWith('./')) expect(PURE).toContain(`${spec.slice(2)}.ts`);
      else expect(spec).toMatch(/^\.\.\/\.\.\/(analysis|annotations)\//); // the pure core only, never the glue
    }
  });
});
