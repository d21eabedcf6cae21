// @ts-check
// The timeline webview: shows the SVG the extension drew, explains an event on hover or focus, reports
// clicks, switches lanes, and on "Save as SVG" resolves the theme's colours so the saved picture looks
// the same outside VS Code. Builds its DOM with textContent only (no HTML from data).
(function () {
  // @ts-ignore: provided by VS Code inside webviews
  const vscode = acquireVsCodeApi();
  const chart = /** @type {HTMLElement} */ (document.getElementById('chart'));
  const tooltip = /** @type {HTMLElement} */ (document.getElementById('tooltip'));
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  const saveButton = /** @type {HTMLButtonElement} */ (document.getElementById('save-svg'));
  const laneButtons = /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll('button[data-lanes]')]);

  /** @type {{ svg: string; lanes: string; eventCount: number; details: Record<string, any>; cssVariables: string[]; empty: string | null } | null} */
  let current = null;

  function render(message) {
    current = message;
    hideTooltip();
    for (const b of laneButtons) b.setAttribute('aria-checked', String(b.dataset.lanes === message.lanes));
    saveButton.disabled = !!message.empty;
    chart.replaceChildren();
    if (message.empty) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = message.empty;
      chart.append(p);
      status.textContent = '';
      return;
    }
    // The SVG comes from the extension's own builder, which escapes every text it writes.
    const doc = new DOMParser().parseFromString(message.svg, 'image/svg+xml');
    const svg = doc.documentElement;
    if (svg.nodeName !== 'svg') return;
    // The custom tooltip replaces the native one inside the webview; the saved file keeps the <title>s.
    // The custom tooltip replaces the native one on events (the saved file keeps every <title>).
    for (const t of svg.querySelectorAll('g.event > title, svg > title')) t.remove();
    chart.append(document.importNode(svg, true));
    status.textContent = `${message.eventCount} event${message.eventCount === 1 ? '' : 's'}`;
  }

  function eventOf(target) {
    return target instanceof Element ? target.closest('g.event') : null;
  }

  function line(parent, label, value) {
    const row = document.createElement('div');
    const b = document.createElement('span');
    b.className = 'tooltip-key';
    b.textContent = `${label}: `;
    row.append(b, document.createTextNode(value));
    parent.append(row);
  }

  function showTooltip(group, x, y) {
    const id = group.getAttribute('data-event-id');
    const d = current && id ? current.details[id] : null;
    if (!d) return;
    tooltip.replaceChildren();
    const title = document.createElement('div');
    title.className = 'tooltip-title';
    title.textContent = d.title;
    tooltip.append(title);
    line(tooltip, 'Date', d.date);
    line(tooltip, 'Place', d.place);
    line(tooltip, 'Participants', d.participants);
    const heading = document.createElement('div');
    heading.className = 'tooltip-key';
    heading.textContent = `Sources (${d.sources.length}):`;
    tooltip.append(heading);
    const list = document.createElement('ul');
    for (const s of d.sources.slice(0, 6)) {
      const li = document.createElement('li');
      const path = document.createElement('span');
      path.className = 'tooltip-path';
      path.textContent = s.path;
      li.append(path, document.createTextNode(` — ${s.text}`));
      list.append(li);
    }
    if (d.sources.length > 6) {
      const li = document.createElement('li');
      li.textContent = `and ${d.sources.length - 6} more`;
      list.append(li);
    }
    tooltip.append(list);
    const hint = document.createElement('div');
    hint.className = 'tooltip-hint';
    hint.textContent = d.sources.length > 1 ? 'Click to open the first passage, Alt+click to choose one' : 'Click to open the passage';
    tooltip.append(hint);
    tooltip.hidden = false;
    const pad = 12;
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    const left = x + pad + w > window.innerWidth ? Math.max(0, x - pad - w) : x + pad;
    const top = y + pad + h > window.innerHeight ? Math.max(0, y - pad - h) : y + pad;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }

  function hideTooltip() {
    tooltip.hidden = true;
  }

  chart.addEventListener('mousemove', (e) => {
    const group = eventOf(e.target);
    if (group) showTooltip(group, e.clientX, e.clientY);
    else hideTooltip();
  });
  chart.addEventListener('mouseleave', hideTooltip);
  chart.addEventListener('focusin', (e) => {
    const group = eventOf(e.target);
    if (!group) return;
    const box = group.getBoundingClientRect();
    showTooltip(group, box.right, box.bottom);
  });
  chart.addEventListener('focusout', hideTooltip);
  chart.addEventListener('click', (e) => {
    const group = eventOf(e.target);
    const id = group && group.getAttribute('data-event-id');
    // Alt- or Shift-click: choose among the event's passages.
    if (id) vscode.postMessage({ type: 'open', eventId: id, choose: e.altKey || e.shiftKey });
  });
  chart.addEventListener('keydown', (e) => {
    const group = eventOf(e.target);
    const id = group && group.getAttribute('data-event-id');
    if (id && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      vscode.postMessage({ type: 'open', eventId: id, choose: e.altKey || e.shiftKey });
    } else if (e.key === 'Escape') hideTooltip();
    else if (group && ['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(e.key)) {
      // Events are in time order in the picture: the arrows walk through them.
      e.preventDefault();
      const all = [...chart.querySelectorAll('g.event')];
      const i = all.indexOf(group);
      const next = e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : Math.min(all.length - 1, Math.max(0, i + (e.key === 'ArrowRight' ? 1 : -1)));
      const target = /** @type {SVGElement | undefined} */ (all[next]);
      target?.focus();
    }
  });

  for (const b of laneButtons) {
    b.addEventListener('click', () => vscode.postMessage({ type: 'lanes', lanes: b.dataset.lanes }));
  }

  saveButton.addEventListener('click', () => {
    if (!current || current.empty) return;
    // The values the theme gives the variables the picture uses, read where the picture is shown.
    const style = getComputedStyle(document.documentElement);
    /** @type {Record<string, string>} */
    const variables = {};
    for (const name of current.cssVariables) {
      const value = style.getPropertyValue(name).trim();
      if (value) variables[name] = value;
    }
    vscode.postMessage({ type: 'save', svg: current.svg, variables });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'render') render(message);
  });

  vscode.postMessage({ type: 'ready' });
})();
