/// GET /static/app.js: the pages' one script, plain JavaScript, no framework.
/// Every text it shows comes from the page (`data-t-*` attributes), in the
/// page's language.
enum PageScript {
    static let source = #"""
'use strict';

// ---- Shared ---------------------------------------------------------------

/** A template's {placeholders} filled from `values`. */
function fill(template, values) {
  return String(template || '').replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

/** "12,345" */
function grouped(n) {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.7469 → "74.69%" */
function percent(p) {
  return (p * 100).toFixed(2) + '%';
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function readJSON(response) {
  try { return await response.json(); } catch (e) { return {}; }
}

// The 中文 / English switch: a cookie the server reads, then the same page again.
document.querySelectorAll('[data-set-lang]').forEach((button) => {
  button.addEventListener('click', () => {
    document.cookie = 'poolsim_lang=' + button.dataset.setLang + '; path=/; max-age=31536000; SameSite=Lax';
    location.reload();
  });
});

// A chosen file's name beside its button.
document.querySelectorAll('[data-file-name-for]').forEach((span) => {
  const input = document.getElementById(span.dataset.fileNameFor);
  const none = span.textContent;
  input.addEventListener('change', () => {
    span.textContent = input.files && input.files[0] ? input.files[0].name : none;
    span.translate = !(input.files && input.files[0]);
  });
});

// ---- New run --------------------------------------------------------------

function setUpForm(form) {
  const t = form.dataset;                       // the texts, as data-t-* attributes
  const kind = t.kind;
  const $ = (id) => document.getElementById(id);
  const select = $('scenario-select');
  const editor = $('editor');
  const gutter = $('gutter');
  const format = $('editor-format');
  const status = $('validation-status');
  const list = $('diagnostics');
  const formError = $('form-error');
  const submit = $('submit');
  const source = $('editor-source');
  const editedNote = $('editor-edited');
  const reload = $('editor-reload');

  // What the editor holds: a bundled scenario as loaded (sent by name while unchanged), or an upload.
  let loaded = { name: null, text: '' };
  let uploaded = false;
  let tape = null;

  const edited = () => uploaded || loaded.name === null || editor.value !== loaded.text;

  function showSource() {
    const changed = edited() && editor.value !== '';
    editedNote.hidden = !changed || uploaded;
    reload.hidden = !(changed && select.value);
    source.textContent = uploaded ? t.tUploaded + ': ' + uploaded : (loaded.name || '');
  }

  // Line numbers, and a marker on each line with a diagnostic.
  let marks = {};
  function renderGutter() {
    const lines = editor.value.split('\n').length;
    const fragment = document.createDocumentFragment();
    for (let line = 1; line <= lines; line++) {
      const div = element('div', marks[line] ? marks[line].severity : '', String(line));
      if (marks[line]) div.title = marks[line].message;
      fragment.appendChild(div);
    }
    gutter.replaceChildren(fragment);
    gutter.scrollTop = editor.scrollTop;
  }
  editor.addEventListener('scroll', () => { gutter.scrollTop = editor.scrollTop; });

  function goToLine(line) {
    const lines = editor.value.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    const end = start + (lines[line - 1] || '').length;
    editor.focus();
    editor.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }

  function severityWord(severity) {
    return { error: t.tError, warning: t.tWarning, hint: t.tHint }[severity] || severity;
  }

  /** Shows diagnostics under the editor and in its gutter. */
  function showDiagnostics(diagnostics) {
    marks = {};
    list.replaceChildren();
    for (const d of diagnostics || []) {
      const severity = d.severity === 'warning' || d.severity === 'hint' ? d.severity : 'error';
      const item = element('li', severity);
      let where = severityWord(severity);
      if (d.line) where += ' · ' + (d.column ? fill(t.tLocation, { line: d.line, column: d.column }) : fill(t.tLine, { line: d.line }));
      item.appendChild(element('span', 'where', where));
      if (d.path) {
        const path = element('code', '', d.path);
        path.translate = false;
        item.append(' ', path);
      }
      item.append(' ');
      item.appendChild(element('span', 'message', d.message || ''));
      if (d.line) {
        item.addEventListener('click', () => goToLine(d.line));
        if (!marks[d.line] || marks[d.line].severity !== 'error') {
          marks[d.line] = { severity: severity === 'hint' ? 'warning' : severity, message: d.message || '' };
        }
      }
      list.appendChild(item);
    }
    renderGutter();
  }

  // Checking as you type: ~400 ms after the last change; only the latest answer counts.
  let timer = null;
  let asked = 0;
  async function validate() {
    const ask = ++asked;
    if (!editor.value.trim()) { status.textContent = ''; showDiagnostics([]); return; }
    status.className = 'validation';
    status.textContent = t.tChecking;
    try {
      const response = await fetch('/api/validate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(Object.assign({ text: editor.value, format: format.value }, base())),
      });
      const answer = await readJSON(response);
      if (ask !== asked) return;
      if (!response.ok) throw new Error(answer.error || String(response.status));
      const diagnostics = answer.diagnostics || [];
      showDiagnostics(diagnostics);
      status.className = 'validation ' + (diagnostics.length ? 'problems' : 'ok');
      status.textContent = diagnostics.length ? fill(t.tProblems, { count: diagnostics.length }) : t.tOk;
    } catch (e) {
      if (ask !== asked) return;
      status.className = 'validation problems';
      status.textContent = t.tUnavailable;
    }
  }
  function changed() {
    renderGutter();
    showSource();
    updateStresses();
    clearTimeout(timer);
    timer = setTimeout(validate, 400);
  }
  editor.addEventListener('input', changed);
  format.addEventListener('change', changed);
  // Tab inserts two spaces instead of leaving the editor.
  editor.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
    changed();
  });

  async function loadScenario(name) {
    if (!name) return;
    status.className = 'validation';
    status.textContent = t.tChecking;
    try {
      const response = await fetch('/api/scenarios/' + encodeURIComponent(name));
      const answer = await readJSON(response);
      if (!response.ok) throw new Error(answer.error || String(response.status));
      editor.value = answer.text || '';
      format.value = answer.format || 'yaml';
      loaded = { name: name, text: editor.value };
      uploaded = false;
      editor.scrollTop = 0;
      changed();
      clearTimeout(timer);
      validate();
    } catch (e) {
      status.className = 'validation problems';
      status.textContent = t.tLoadFailed;
    }
  }
  select.addEventListener('change', () => { $('scenario-file').value = ''; loadScenario(select.value); });
  reload.addEventListener('click', () => loadScenario(select.value));

  function formatOf(fileName) {
    const extension = fileName.toLowerCase().split('.').pop();
    return { yml: 'yaml', yaml: 'yaml', toml: 'toml', json: 'json' }[extension] || 'yaml';
  }

  async function readFile(input) {
    const file = input.files && input.files[0];
    if (!file) return null;
    try { return { name: file.name, text: await file.text() }; } catch (e) { showError(t.tFileFailed); return null; }
  }

  $('scenario-file').addEventListener('change', async (event) => {
    const file = await readFile(event.target);
    if (!file) return;
    editor.value = file.text;
    format.value = formatOf(file.name);
    uploaded = file.name;
    editor.scrollTop = 0;
    changed();
    clearTimeout(timer);
    validate();
  });
  $('tape-file').addEventListener('change', async (event) => {
    const file = await readFile(event.target);
    tape = file ? file.text : null;
  });
  const defaultsFile = $('defaults-file');
  if (defaultsFile) {
    defaultsFile.addEventListener('change', async () => {
      const file = await readFile(defaultsFile);
      if (file) $('field-defaults').value = file.text;
    });
  }

  // The stress scenarios the editor's text defines, for the stress field and compare's checkboxes.
  function stressNames(text, kindOfFile) {
    if (kindOfFile === 'json') {
      try { return (JSON.parse(text).stresses || []).map((s) => s && s.name).filter(Boolean); } catch (e) { return []; }
    }
    const names = [];
    const lines = text.split('\n');
    if (kindOfFile === 'toml') {
      let inStress = false;
      for (const line of lines) {
        if (/^\s*\[/.test(line)) inStress = /^\s*\[\[\s*stresses\s*\]\]/.test(line);
        const m = inStress && line.match(/^\s*name\s*=\s*["']([^"']+)["']/);
        if (m) { names.push(m[1]); inStress = false; }
      }
      return names;
    }
    let inStresses = false;
    for (const line of lines) {
      if (/^\S/.test(line) && !/^#/.test(line) && !/^-/.test(line)) inStresses = /^stresses\s*:/.test(line);
      const m = inStresses && line.match(/^\s*-\s*name\s*:\s*["']?([^"'#\s][^"'#]*?)["']?\s*(#.*)?$/);
      if (m) names.push(m[1].trim());
    }
    return names;
  }

  let knownStresses = '';
  function updateStresses() {
    const names = stressNames(editor.value, format.value);
    const key = names.join('\n');
    if (key === knownStresses) return;
    knownStresses = key;
    const datalist = $('stress-names');
    if (datalist) {
      datalist.replaceChildren(...names.map((name) => { const o = element('option'); o.value = name; return o; }));
    }
    const choices = $('stress-choices');
    if (choices) {
      choices.replaceChildren();
      if (!names.length) choices.appendChild(element('span', 'hint', t.tStressesNone));
      for (const name of names) {
        const label = element('label');
        const box = element('input');
        box.type = 'checkbox';
        box.value = name;
        box.dataset.stress = '';
        label.appendChild(box);
        const code = element('code', '', name);
        code.translate = false;
        label.appendChild(code);
        choices.appendChild(label);
      }
    }
  }

  // ---- Submitting: the body of POST /api/runs (WEB.md) ----

  function showError(message, diagnostics) {
    formError.textContent = message;
    formError.hidden = false;
    if (diagnostics && diagnostics.length) {
      showDiagnostics(diagnostics);
      status.className = 'validation problems';
      status.textContent = fill(t.tProblems, { count: diagnostics.length });
    }
  }

  class FieldError extends Error {}

  function labelOf(input) {
    const label = document.querySelector('label[for="' + input.id + '"]');
    return label ? label.textContent.trim() : input.id;
  }

  /** A number from a field: "200,000,000", "2e8", "0.7"; null when empty. */
  function number(input) {
    const raw = input.value.replace(/[,，_\s]/g, '');
    if (raw === '') return null;
    const value = Number(raw);
    if (!Number.isFinite(value)) {
      input.setAttribute('aria-invalid', 'true');
      throw new FieldError(fill(t.tNotANumber, { field: labelOf(input) }));
    }
    return value;
  }

  /** "a, b; c" → ["a", "b", "c"] */
  function items(text) {
    return text.split(/[,，;；\n]/).map((s) => s.trim()).filter(Boolean);
  }

  /** A grid value as JSON: a number where it is one, else the word. */
  function gridValue(text) {
    const value = Number(text.replace(/_/g, ''));
    return text !== '' && Number.isFinite(value) ? value : text;
  }

  /** The bundled scenario edited text comes from: its loan tape may then be read from the scenarios folder. */
  function base() {
    return !uploaded && loaded.name ? { base: loaded.name } : {};
  }

  function scenarioChoice() {
    return edited() ? Object.assign({ text: editor.value, format: format.value }, base()) : { name: loaded.name };
  }

  function body() {
    const request = { kind: kind, scenario: scenarioChoice() };
    const trials = $('field-trials');
    if (trials && number(trials) !== null) request.trials = Math.round(number(trials));
    if (number($('field-seed')) !== null) request.seed = Math.round(number($('field-seed')));
    const set = {};
    document.querySelectorAll('[data-set-key]').forEach((input) => {
      if (input.value.trim() === '') return;
      set[input.dataset.setKey] = input.hasAttribute('data-word') ? input.value.trim() : number(input);
    });
    if (Object.keys(set).length) request.set = set;
    const stress = $('field-stress');
    if (stress && stress.value.trim()) request.stress = stress.value.trim();
    const importance = $('field-importance');
    if (importance) request.importance = importance.value;
    if (tape !== null) request.loan_tape = tape;

    if (kind === 'size') {
      const ruin = $('field-ruin');
      request.ruin = items(ruin.value).map((p) => {
        const value = Number(p);
        if (!Number.isFinite(value)) {
          ruin.setAttribute('aria-invalid', 'true');
          throw new FieldError(fill(t.tNotANumber, { field: labelOf(ruin) }));
        }
        return value;
      });
    }
    if (kind === 'compare') {
      const second = $('field-scenarios').value;
      if (second) request.scenarios = [request.scenario, { name: second }];
      const stresses = items($('field-stresses').value);
      document.querySelectorAll('[data-stress]:checked').forEach((box) => {
        if (!stresses.includes(box.value)) stresses.push(box.value);
      });
      if (stresses.length) request.stresses = stresses;
    }
    if (kind === 'sweep') {
      const grid = {};
      for (const line of $('field-grid').value.split('\n')) {
        const at = line.indexOf('=');
        if (at <= 0) continue;
        grid[line.slice(0, at).trim()] = items(line.slice(at + 1)).map(gridValue);
      }
      if (!Object.keys(grid).length) throw new FieldError(t.tGridMissing);
      request.grid = grid;
    }
    if (kind === 'sensitivity') {
      const vary = $('field-vary').value.split('\n').map((s) => s.replace(/\s+/g, '')).filter(Boolean);
      if (vary.length) request.vary = vary;
    }
    if (kind === 'replay') {
      const defaults = $('field-defaults').value;
      if (!defaults.trim()) throw new FieldError(t.tDefaultsMissing);
      request.defaults = defaults;
    }
    return request;
  }

  form.addEventListener('input', (event) => {
    if (event.target.removeAttribute) event.target.removeAttribute('aria-invalid');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    formError.hidden = true;
    let request;
    try {
      request = body();
    } catch (e) {
      if (e instanceof FieldError) { showError(e.message); return; }
      throw e;
    }
    submit.disabled = true;
    submit.textContent = t.tSubmitting;
    try {
      const response = await fetch('/api/runs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      const answer = await readJSON(response);
      if (response.status === 202 && answer.id) {
        location.href = '/runs/' + encodeURIComponent(answer.id);
        return;
      }
      showError(t.tRefused + ' ' + (answer.error || String(response.status)), answer.diagnostics);
    } catch (e) {
      showError(t.tUnreachable);
    }
    submit.disabled = false;
    submit.textContent = t.tSubmit;
  });

  renderGutter();
  if (select.value) loadScenario(select.value);
  else showSource();
}

// ---- A run while it goes --------------------------------------------------

function setUpLive(live) {
  const t = live.dataset;
  const $ = (id) => document.getElementById(id);
  const bar = $('progress');
  const error = $('live-error');
  let reloading = false;

  function reloadOnce() {
    if (reloading) return;
    reloading = true;
    location.reload();
  }

  function showStatus(status) {
    const word = t['tStatus' + status.charAt(0).toUpperCase() + status.slice(1)];
    const badge = document.querySelector('#status .status');
    if (badge && word) {
      badge.textContent = word;
      badge.className = 'status status-' + status;
      badge.dataset.status = status;
    }
  }

  function showProgress(p) {
    showStatus('running');
    if (p.label) {
      const label = $('progress-label');
      label.textContent = '';
      const parts = fill(t.tLabel, { label: '\u0000' }).split('\u0000');
      label.append(parts[0] || '');
      const code = element('code', '', p.label);
      code.translate = false;
      label.append(code, parts[1] || '');
    }
    if (p.trials > 0) {
      bar.max = p.trials;
      bar.value = Math.min(p.trials_done, p.trials);
    }
    $('progress-trials').textContent = fill(t.tTrials, { done: grouped(p.trials_done || 0), total: grouped(p.trials || 0) });
    $('progress-rate').textContent = p.rate > 0 ? fill(t.tRate, { rate: grouped(p.rate) }) : '';
    const estimate = $('progress-estimate');
    if (p.p_exhaustion !== null && p.p_exhaustion !== undefined) {
      estimate.textContent = fill(t.tEstimate, {
        estimate: percent(p.p_exhaustion),
        low: p.ci_low === null || p.ci_low === undefined ? '–' : percent(p.ci_low),
        high: p.ci_high === null || p.ci_high === undefined ? '–' : percent(p.ci_high),
      });
    } else {
      estimate.textContent = t.tNoEstimate;
    }
  }

  const events = new EventSource(t.events);
  events.addEventListener('progress', (event) => {
    try { showProgress(JSON.parse(event.data)); } catch (e) { /* a malformed event is skipped */ }
  });
  for (const name of ['done', 'failed', 'cancelled', 'interrupted']) {
    events.addEventListener(name, () => { events.close(); reloadOnce(); });
  }
  // A status that is not final yet (queued → running), however the server names the event.
  for (const name of ['status', 'queued', 'running']) {
    events.addEventListener(name, (event) => {
      let status = name;
      try { status = JSON.parse(event.data).status || name; } catch (e) { /* keep the event's name */ }
      if (['done', 'failed', 'cancelled', 'interrupted'].includes(status)) { events.close(); reloadOnce(); } else showStatus(status);
    });
  }
  events.addEventListener('error', () => {
    if (events.readyState === EventSource.CLOSED && !reloading) {
      error.textContent = t.tConnectionLost;
      error.hidden = false;
    }
  });

  const cancel = $('cancel');
  cancel.addEventListener('click', async () => {
    if (!window.confirm(t.tCancelConfirm)) return;
    cancel.disabled = true;
    cancel.textContent = t.tCancelling;
    try {
      const response = await fetch(cancel.dataset.url, { method: 'DELETE' });
      if (!response.ok && response.status !== 404) throw new Error(String(response.status));
      // A queued run may be gone altogether: then back to the list.
      const check = await fetch(t.runUrl);
      if (check.status === 404) { reloading = true; location.href = '/'; return; }
      setTimeout(reloadOnce, 1500);
    } catch (e) {
      cancel.disabled = false;
      cancel.textContent = t.tCancelFailed;
    }
  });
}

// ---- A finished run: the report at the height of its content --------------

function fitReport(frame) {
  const fit = () => {
    try {
      const doc = frame.contentDocument;
      if (doc && doc.documentElement) frame.style.height = (doc.documentElement.scrollHeight + 24) + 'px';
    } catch (e) { /* another origin: keep the stylesheet's height */ }
  };
  frame.addEventListener('load', fit);
  const doc = frame.contentDocument;
  if (doc && doc.URL !== 'about:blank' && doc.readyState === 'complete') fit();
}

const runForm = document.getElementById('run-form');
if (runForm) setUpForm(runForm);
const live = document.getElementById('live');
if (live) setUpLive(live);
const report = document.getElementById('report');
if (report) fitReport(report);
"""#
}
