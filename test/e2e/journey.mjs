// The UI journey: what a journalist does with News Annotator, done through the workbench in Chromium as a person
// would (keyboard, mouse, menus), read back from the page and from the files the extension writes.
// Each step leaves a screenshot in test-results/e2e/; a failed step leaves one named ...-FAILED.png.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

const STEP_TIMEOUT_MS = 90_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, probe, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false && v !== null) return v;
    } catch (error) { last = error; }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message ?? last}` : ''}`);
    await sleep(250);
  }
}

function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

export async function runJourney({ page, baseUrl, workspace, screenshots, root, log }) {
  rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  const steps = [];
  let n = 0;
  const tagsFile = join(workspace, '.news-annotator', 'tags.json');
  const readTags = () => (existsSync(tagsFile) ? JSON.parse(readFileSync(tagsFile, 'utf8')).tags : []);

  // What the engine finds in the articles, from the command-line tool built from the same sources.
  const expectedFile = join(root, 'out', 'integration', 'expected.json');
  execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'export', workspace, '--out', expectedFile]);
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
  const firstArticle = [...expected.documents].sort((a, b) => a.path.localeCompare(b.path))[0];
  const articleName = firstArticle.path.split('/').pop();
  const articleText = readFileSync(join(workspace, articleName), 'utf8');
  const state = {};

  async function step(name, body) {
    n += 1;
    const file = `${String(n).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    const began = Date.now();
    try {
      await Promise.race([body(), sleep(STEP_TIMEOUT_MS).then(() => { throw new Error(`step took over ${STEP_TIMEOUT_MS / 1000} s`); })]);
      await page.screenshot({ path: join(screenshots, `${file}.png`) });
      steps.push({ name, ok: true, ms: Date.now() - began });
    } catch (error) {
      await page.screenshot({ path: join(screenshots, `${file}-FAILED.png`) }).catch(() => {});
      steps.push({ name, ok: false, ms: Date.now() - began, error: String(error?.message ?? error).split('\n')[0] });
      await page.keyboard.press('Escape').catch(() => {});
    }
  }

  // --- workbench helpers -------------------------------------------------------------------------------------
  const quickInput = page.locator('.quick-input-widget');
  async function command(title) {
    await page.keyboard.press('F1');
    await quickInput.waitFor({ state: 'visible' });
    await page.keyboard.type(title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title.split(': ').pop() }).first().waitFor();
    await page.keyboard.press('Enter');
  }
  /** Answers every question a command asks with Enter (first item / default), until it stops asking. */
  async function acceptPrompts(max = 6) {
    for (let i = 0; i < max; i += 1) {
      await sleep(600);
      if (!(await quickInput.isVisible())) return;
      await page.keyboard.press('Enter');
    }
    if (await quickInput.isVisible()) throw new Error('the command kept asking');
  }
  const activity = (label) => page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${label}"]`).first();
  async function showExplorer() {
    if (!(await page.locator('.explorer-folders-view').isVisible())) {
      await activity('Explorer').click({ timeout: 5_000 }).catch(() => command('View: Show Explorer'));
    }
    await page.locator('.explorer-folders-view').waitFor();
  }
  async function showNewsAnnotator() {
    const events = page.locator('.pane-header', { hasText: /^\s*Events/i });
    if (!(await events.isVisible())) {
      await activity('News Annotator').click({ timeout: 5_000 }).catch(() => command('View: Show News Annotator'));
    }
    await events.waitFor();
  }
  /** Opens an article from the Explorer, as a person does, and puts the cursor in it. */
  async function openFile(name) {
    await showExplorer();
    const tab = page.locator('.tab.active', { hasText: name });
    // The Explorer's rows move when the extension adds its folder or an export: click again if it missed.
    for (let attempt = 0; attempt < 3 && !(await tab.isVisible()); attempt += 1) {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
      await tab.waitFor({ timeout: 3_000 }).catch(() => {});
    }
    await tab.waitFor({ timeout: 1_000 });
    await page.locator('.part.editor .editor-instance .monaco-editor .view-lines').first().click({ position: { x: 2, y: 2 } });
  }
  async function goTo(text, offset) {
    const { line, column } = lineColumn(text, offset);
    await page.keyboard.press('Control+G');
    await quickInput.waitFor({ state: 'visible' });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
  }
  async function selectRange(text, start, end) {
    await goTo(text, start);
    for (let i = start; i < end; i += 1) await page.keyboard.press('Shift+ArrowRight');
  }
  /**
   * How many decorated pieces of each kind the editors on screen show, keyed by the colour id they paint with
   * (dateBackground, quoteTagBackground...): the workbench resolves theme colours into the decoration's CSS
   * rule, so a rule is matched to a colour id by the value the current theme gives that id.
   */
  function decorationCounts() {
    return page.evaluate(() => {
      const parse = (value) => {
        value = value.trim();
        let m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(value);
        if (m) {
          const n = parseInt(m[1], 16);
          return [(n >> 16) & 255, (n >> 8) & 255, n & 255, m[2] ? parseInt(m[2], 16) / 255 : 1];
        }
        m = /^rgba?\(([^)]+)\)$/.exec(value);
        if (!m) return null;
        const p = m[1].split(',').map((x) => parseFloat(x));
        return [p[0], p[1], p[2], p[3] ?? 1];
      };
      const same = (a, b) => a && b && a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && Math.abs(a[3] - b[3]) < 0.02;
      const workbench = document.querySelector('.monaco-workbench');
      const theme = workbench ? getComputedStyle(workbench) : null;
      const ids = ['date', 'official', 'claim', 'quoteTag', 'stanceTag'].map((k) => `${k}Background`);
      const colors = ids.map((id) => [id, parse(theme?.getPropertyValue(`--vscode-newsAnnotator-${id}`) ?? '')]);
      const classesById = new Map();
      for (const sheet of [...document.styleSheets]) {
        let rules;
        try { rules = [...sheet.cssRules]; } catch { continue; }
        for (const rule of rules) {
          const cls = rule.selectorText?.match(/\.(ced-[\w-]+)/)?.[1];
          if (!cls || !rule.style?.backgroundColor) continue;
          const bg = parse(rule.style.backgroundColor);
          for (const [id, color] of colors) {
            if (same(bg, color)) {
              if (!classesById.has(id)) classesById.set(id, new Set());
              classesById.get(id).add(cls);
            }
          }
        }
      }
      const counts = {};
      for (const [id, classes] of classesById) {
        const found = [...classes].flatMap((c) => [...document.querySelectorAll(`.monaco-editor .${CSS.escape(c)}`)]);
        for (const el of found) el.setAttribute('data-news-annotator-kind', id); // lets a step point at one
        counts[id] = found.length;
      }
      return counts;
    });
  }
  const count = (counts, kind) => (counts[`${kind}Background`] ?? 0) + (counts[`${kind}Border`] ?? 0);

  // --- the journey ---------------------------------------------------------------------------------------------
  await step('workbench opens the seed folder', async () => {
    await page.goto(`${baseUrl}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: articleName }).waitFor({ timeout: 60_000 });
  });

  await step('a seed article shows dates, officials and claims highlighted', async () => {
    await openFile(articleName);
    const counts = await until('highlights of dates, officials and claims', async () => {
      const c = await decorationCounts();
      return count(c, 'date') > 0 && count(c, 'official') > 0 && count(c, 'claim') > 0 ? c : undefined;
    }, 30_000);
    log(`    decorations on screen: ${JSON.stringify(counts)}`);
  });

  await step('hovering a date shows its ISO value', async () => {
    const isoValues = new Set(firstArticle.annotations.filter((a) => a.kind === 'date' && a.value).map((a) => a.value));
    await decorationCounts();
    const dates = page.locator('.monaco-editor .view-overlays [data-news-annotator-kind="dateBackground"]');
    const shown = await dates.count();
    if (shown === 0) throw new Error('no date highlight on screen');
    // Relative dates stay unresolved without a document date: hover the highlights until one shows its value.
    let hover;
    for (let i = 0; i < Math.min(shown, 8) && !hover; i += 1) {
      const box = await dates.nth(i).boundingBox();
      if (!box) continue;
      // Away first (over the activity bar), so the previous hover closes, then onto the highlight.
      await page.mouse.move(20, 600);
      await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      hover = await until('a hover with an ISO value', async () => {
        const text = await page.locator('.monaco-hover:visible').first().innerText({ timeout: 500 });
        return [...isoValues].some((v) => text.includes(v)) ? text : undefined;
      }, 4_000).catch(() => undefined);
    }
    if (!hover) throw new Error(`no date hover showed one of ${[...isoValues].join(', ')}`);
    log(`    hover: ${hover.replace(/\s+/g, ' ').slice(0, 160)}`);
    await page.mouse.move(20, 600);
  });

  await step('Set Document Date resolves the article\'s relative dates at once', async () => {
    const relative = firstArticle.annotations.find((a) => a.kind === 'date' && a.value === null);
    if (!relative) throw new Error('the first seed has no unresolved relative date');
    await goTo(articleText, relative.start);
    await command('News Annotator: Set Document Date');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Set Document Date' }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2023-08-07');
    await page.keyboard.press('Enter');
    await quickInput.waitFor({ state: 'hidden' });
    await sleep(1000);
    await goTo(articleText, relative.start);
    // Hover the relative date just reached: its value now comes from the document date.
    await page.mouse.move(20, 600);
    await quickInput.waitFor({ state: 'hidden' });
    const text = await until('a hover with a resolved value', async () => {
      // Show the hover afresh each time (Show Hover, Ctrl+K Ctrl+I): an open hover keeps its first text.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await sleep(500);
      const texts = await page.evaluate(() => [...document.querySelectorAll('.monaco-hover')].map((e) => e.innerText));
      return texts.find((t) => /Date/.test(t) && /\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}/.test(t) && !/not resolved/i.test(t));
    }, 15_000);
    log(`    hover after Set Document Date: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
    await page.keyboard.press('Escape');
  });

  const quote = firstArticle.annotations.find((a) => a.kind === 'quote' && !a.text.includes('\n'))
    ?? firstArticle.annotations.find((a) => a.kind === 'claim' && !a.text.includes('\n'));
  await step('select a sentence and tag it as a quote from the editor context menu', async () => {
    if (!quote) throw new Error('the engine finds no quote or claim in the first seed');
    await selectRange(articleText, quote.start, quote.end);
    const selected = page.locator('.part.editor .editor-instance .monaco-editor .selected-text:visible').first();
    // Decorations redraw the overlays now and then: ask again until the selection has a box.
    const box = await until('the selection on screen', () => selected.boundingBox({ timeout: 1_000 }), 10_000);
    await page.mouse.click(box.x + Math.min(20, box.width / 2), box.y + box.height / 2, { button: 'right' });
    const item = page.locator('.monaco-menu .action-label', { hasText: 'Tag Selection as Quote' }).first();
    await item.waitFor();
    // A menu ignores the release of the click that opened it: let it settle, point at the item, then click.
    await sleep(400);
    await item.hover();
    await sleep(200);
    await item.click();
    await acceptPrompts();
    state.quote = await until('a quote tag in tags.json', () => readTags().find((t) => t.kind === 'quote' && t.anchor.exact === quote.text));
    await until('the quote tag highlighted', async () => count(await decorationCounts(), 'quoteTag') > 0);
  });

  await step('tag the same selection as a stance from the command palette', async () => {
    if (!quote) throw new Error('no passage to tag');
    await selectRange(articleText, quote.start, quote.end);
    await command('News Annotator: Tag Selection as Stance');
    await acceptPrompts();
    state.stance = await until('a stance tag in tags.json', () => readTags().find((t) => t.kind === 'stance' && t.anchor.exact === quote.text));
    await until('the stance tag highlighted', async () => count(await decorationCounts(), 'stanceTag') > 0);
  });

  await step('an edit above the tags leaves them on their words', async () => {
    if (!state.quote) throw new Error('no quote tag to follow');
    const inserted = 'UPDATED: ';
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(inserted);
    await page.keyboard.press('Control+S');
    const moved = await until('the quote tag shifted in tags.json', () => {
      const t = readTags().find((x) => x.id === state.quote.id);
      return t && t.anchor.start === state.quote.anchor.start + inserted.length ? t : undefined;
    });
    if (moved.anchor.exact !== state.quote.anchor.exact || moved.detached) throw new Error('the tag lost its words');
    state.quote = moved;
    state.inserted = inserted;
  });

  await step('after reloading the window the tags are still there', async () => {
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: articleName }).waitFor({ timeout: 60_000 });
    await openFile(articleName);
    await goTo(readFileSync(join(workspace, articleName), 'utf8'), state.quote?.anchor.start ?? 0);
    await until('the tags highlighted again', async () => count(await decorationCounts(), 'quoteTag') > 0, 30_000);
    if (!readTags().some((t) => t.id === state.quote?.id)) throw new Error('the quote tag is gone from tags.json');
  });

  await step('the Events view leads from an event to its passage in another article', async () => {
    await showNewsAnnotator();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Events/i }) }).first();
    await pane.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
    // Open the tree down to the passages, a few groups at a time.
    for (let i = 0; i < 30; i += 1) {
      const collapsed = pane.locator('.monaco-list-row[aria-expanded="false"]');
      if ((await collapsed.count()) === 0) break;
      await collapsed.first().locator('.monaco-tl-twistie').click();
      await sleep(150);
    }
    await page.screenshot({ path: join(screenshots, `${String(n).padStart(2, '0')}-events-tree-expanded.png`) });
    const leaves = pane.locator('.monaco-list-row:not([aria-expanded])');
    const total = await leaves.count();
    for (let i = 0; i < total; i += 1) {
      await leaves.nth(i).click();
      await sleep(700);
      const active = (await page.locator('.tab.active .label-name').first().innerText().catch(() => '')).trim();
      if (active && active !== articleName && /\.(txt|md)$/.test(active)) {
        const selected = await page.locator('.part.editor .editor-instance .monaco-editor .selected-text:visible').count();
        if (selected === 0) throw new Error(`${active} opened without the passage selected`);
        state.secondArticle = active;
        return;
      }
    }
    throw new Error(`none of the ${total} leaf rows of the Events tree opened a passage in another article`);
  });

  await step('the timeline shows the events', async () => {
    await command('News Annotator: Show Timeline');
    await until('an SVG in the timeline webview', async () => {
      for (const frame of page.frames()) {
        if ((await frame.locator('svg').count().catch(() => 0)) > 0 && frame !== page.mainFrame()) return true;
      }
      return undefined;
    }, 30_000);
    await sleep(500);
  });

  await step('export to JSON writes a file valid against the schema', async () => {
    const out = join(workspace, 'annotations.json');
    await command('News Annotator: Export Annotations to JSON...');
    await acceptPrompts();
    await until('annotations.json written', () => existsSync(out));
    const data = JSON.parse(readFileSync(out, 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(root, 'schemas', 'annotations.schema.json'), 'utf8')));
    if (!validate(data)) throw new Error(`export invalid: ${validate.errors.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
    if (data.documents.length !== expected.documents.length) throw new Error(`${data.documents.length} documents exported, ${expected.documents.length} expected`);
    const user = data.documents.flatMap((d) => d.annotations).filter((a) => a.source === 'user');
    if (!user.some((a) => a.kind === 'quote') || !user.some((a) => a.kind === 'stance')) throw new Error('the tags are not in the export');
  });

  await step('Import Annotations reads the export back and re-anchors its tags', async () => {
    const exported = join(workspace, 'annotations.json');
    if (!existsSync(exported)) throw new Error('needs the export of the previous step');
    const before = readTags().length;
    await command('News Annotator: Import Annotations...');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Import annotations' }).waitFor();
    // The simple file dialog fills in its starting folder asynchronously, and on a loaded machine that can
    // land after (or in the middle of) typed text: the path is put in the box until it stays there, and the
    // dialog's own Import button is pressed again while the dialog stays open (an early Enter is ignored).
    const dialog = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: 'Import annotations' }) });
    const pathBox = dialog.locator('.quick-input-box input');
    const accept = dialog.locator('.monaco-button', { hasText: 'Import' });
    let steady = 0;
    await until('the export\'s path to stay in the dialog', async () => {
      if ((await pathBox.inputValue()) !== exported) {
        steady = 0;
        await pathBox.fill(exported);
        return false;
      }
      steady += 1;
      return steady >= 3;
    });
    await page.keyboard.press('Enter');
    const toast = await until('a notification saying what was imported', async () => {
      const texts = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
      const found = texts.find((t) => /imported/i.test(t));
      if (!found && (await dialog.isVisible().catch(() => false))) await accept.click({ timeout: 1000 }).catch(() => undefined);
      return found;
    }, 30_000);
    log(`    ${toast.replace(/\s+/g, ' ').slice(0, 200)}`);
    if (!/\b[1-9]\d* attached/.test(toast)) throw new Error(`no tag attached on import: ${toast}`);
    const after = readTags();
    if (after.length < before) throw new Error(`tags were lost on import: ${before} before, ${after.length} after`);
    log(`    tags.json: ${before} tags before the import, ${after.length} after`);
    if (after.some((t) => t.detached)) throw new Error('importing tags onto unchanged articles detached some');
  });

  await step('the annotated article with the sidebar open (README picture)', async () => {
    await page.keyboard.press('Escape');
    await openFile(articleName);
    // Take the journey's edit out again: the tags go back to where they were.
    if (state.inserted && readFileSync(join(workspace, articleName), 'utf8').startsWith(state.inserted)) {
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < state.inserted.length; i += 1) await page.keyboard.press('Delete');
      await page.keyboard.press('Control+S');
      await until('the quote tag back at its first place', () => readTags().find((t) => t.id === state.quote?.id)?.anchor.start === quote?.start);
    }
    await page.keyboard.press('Control+Home');
    await showNewsAnnotator();
    await until('highlights on screen', async () => count(await decorationCounts(), 'date') > 0);
    await sleep(500);
  });

  return { steps, passed: steps.filter((s) => s.ok).length, failed: steps.filter((s) => !s.ok).length };
}
