// Gatewatch dashboard: plain JS over the /api/v1 endpoints; uPlot is served from the jar (no CDN).
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const colors = ['#4f7cff', '#e8590c', '#2f9e44', '#ae3ec9', '#f59f00', '#1098ad', '#c92a2a', '#5c7cfa', '#66a80f',
    '#d6336c', '#495057', '#0ca678', '#7048e8', '#f76707', '#364fc7', '#868e96'];
  let step = 'PT1M';
  // interrupts are steps of a normal sign-in, not failures
  const NOT_FAILURES = new Set(['SUCCESS', 'EXPECTED_INTERRUPT', 'MFA_REQUIRED', 'MFA_REGISTRATION_REQUIRED']);
  let charts = [];

  // the token comes from the URL fragment (never sent to a server) or the login box, and stays in this tab
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('gatewatch-token', fragment.get('token'));
    history.replaceState(null, '', location.pathname);
  }
  const token = () => sessionStorage.getItem('gatewatch-token');

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
    if (response.status === 401) { showLogin('That token was refused.'); throw new Error('unauthorized'); }
    if (!response.ok) { throw new Error((await response.json()).error || response.statusText); }
    return response.json();
  }

  function showLogin(message) {
    $('main').hidden = true;
    $('login').hidden = false;
    $('status').textContent = message || '';
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => (k === 'class' ? node.className = v : node.setAttribute(k, v)));
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
    return node;
  }

  async function loadTenants() {
    const tenants = await api('/api/v1/tenants');
    const select = $('tenant');
    const current = select.value;
    select.replaceChildren(...tenants.map((t) => el('option', { value: t.tenantId },
      `${t.tenantName ? t.tenantName + ' — ' : ''}${t.tenantId} (${t.signIns} sign-ins, ${t.failures} failed)`)));
    if (tenants.some((t) => t.tenantId === current)) select.value = current;
    return tenants.length;
  }

  function draw(target, data, series, options) {
    const width = Math.max(300, $(target).clientWidth - 10);
    const chart = new uPlot({ width, height: 240, series: [{}, ...series], ...options }, data, $(target));
    charts.push(chart);
  }

  async function loadTrends() {
    const tenant = $('tenant').value;
    if (!tenant) return;
    const trends = await api(`/api/v1/tenants/${encodeURIComponent(tenant)}/trends?step=${step}`);
    // start where the tenant's data starts (a young tenant's 6 hours are mostly empty), keeping a little lead-in
    const firstData = trends.points.findIndex((p) => p.total > 0);
    const points = firstData < 0 ? trends.points : trends.points.slice(Math.max(0, firstData - 5));
    const xs = points.map((p) => Date.parse(p.windowStart) / 1000);
    const categories = [...new Set(points.flatMap((p) => Object.keys(p.byCategory)))]
      .filter((c) => !NOT_FAILURES.has(c)).sort();
    // stacked: each series is the running sum, drawn from the top down so every band shows
    const running = points.map(() => 0);
    const stacked = categories.map((c) => points.map((p, i) => (running[i] += p.byCategory[c] || 0)));
    charts.forEach((c) => c.destroy());
    charts = [];
    $('failures-chart').replaceChildren();
    $('rate-chart').replaceChildren();
    $('failures-chart').dataset.points = String(points.length);
    $('failures-chart').dataset.failures = String(running.reduce((a, b) => a + b, 0));
    const order = categories.map((c, i) => i).reverse();
    draw('failures-chart', [xs, ...order.map((i) => stacked[i])],
      order.map((i) => ({ label: categories[i], stroke: colors[i % colors.length], fill: colors[i % colors.length] + 'cc' })),
      {});
    draw('rate-chart', [xs, points.map((p) => +(100 * p.failureRate).toFixed(2))],
      [{ label: 'failed %', stroke: '#c92a2a', width: 2 }], {});
    const codes = {};
    points.forEach((p) => Object.entries(p.topErrorCodes || {}).forEach(([code, n]) => (codes[code] = (codes[code] || 0) + n)));
    $('codes').tBodies[0].replaceChildren(...Object.entries(codes).sort((a, b) => b[1] - a[1]).slice(0, 8)
      .map(([code, n]) => el('tr', {}, el('td', {}, code), el('td', {}, String(n)))));
  }

  // the rule's MITRE ATT&CK technique ids beside it (none for an operational rule or an alert from before ids)
  function attack(a) {
    const techniques = (a.attack && a.attack.techniques) || [];
    if (!techniques.length) return '';
    const tactics = a.attack.tactics || [];
    return [el('span', { class: 'attack', title: 'MITRE ATT&CK' + (tactics.length ? ' ' + tactics.join(' ') : '') },
      techniques.join(' ')), ' '];
  }

  async function loadAlerts() {
    const tenant = $('tenant').value;
    if (!tenant) return;
    const alerts = await api(`/api/v1/tenants/${encodeURIComponent(tenant)}/alerts?limit=50`);
    $('alerts').replaceChildren(...alerts.map((a) => {
      const user = a.entity.type.startsWith('user') ? a.entity.value.split('|')[0] : null;
      const entity = el('span', { class: user ? 'entity' : '' }, `${a.entity.type}:${a.entity.value}`);
      if (user) entity.addEventListener('click', () => { $('user').value = user; diagnose(); });
      return el('li', { class: 'alert' }, el('span', { class: 'sev ' + a.severity }, a.severity), ' ',
        el('b', {}, a.rule), ' ', attack(a), entity, ' — ', a.summary, ' ',
        el('small', {}, new Date(a.lastSeen).toLocaleString()), a.update ? el('small', {}, ' (updated)') : '',
        ...(a.remediation || []).slice(0, 2).map((r) => el('div', { class: 'remediation' }, '→ ' + r)), detail(a));
    }));
  }

  // the alert in one read: triage answered from the evidence, every response step, who and where, the pivots to copy
  function detail(a) {
    const e = a.evidence || {};
    const more = (shown, total) => (total > shown ? ` (+${total - shown} more)` : '');
    const rows = [
      ['users', (e.users || []).join(', ') + more((e.users || []).length, e.usersTotal || 0)],
      ['addresses', (e.addresses || []).map((x) => x.ip + (x.country ? ' ' + x.country : '') + (x.asn ? ' AS' + x.asn : ''))
        .join(', ') + more((e.addresses || []).length, e.addressesTotal || 0)],
      ['apps', (e.apps || []).join(', ')], ['countries', (e.countries || []).join(', ')],
      ['sessions', (e.sessions || []).join(', ')],
      ['signed in afterwards', e.signedInAfterwards ? e.signedInAfterwards.users.join(', ') || 'none' : ''],
    ].filter(([, v]) => v);
    const pivots = a.pivots || {};
    const copyable = (label, text) => text ? el('div', { class: 'pivot' }, el('b', {}, label), ' ', copyButton(text),
      el('pre', {}, text)) : '';
    return el('details', { class: 'alert-detail' }, el('summary', {}, 'details'),
      el('ul', {}, (a.triage || []).map((t) => el('li', {}, t.question, t.answer ? el('b', {}, ' ' + t.answer) : ''))),
      el('ol', {}, (a.remediation || []).map((r) => el('li', {}, r))),
      el('table', {}, el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))))),
      copyable('KQL (Sentinel / Log Analytics)', pivots.kql), copyable('Microsoft Graph', pivots.graph));
  }

  function copyButton(text) {
    const button = el('button', { type: 'button' }, 'copy');
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(text);
      button.textContent = 'copied';
    });
    return button;
  }

  async function diagnose(event) {
    if (event) event.preventDefault();
    const tenant = $('tenant').value;
    const user = $('user').value.trim();
    if (!tenant || !user) return;
    const d = await api(`/api/v1/tenants/${encodeURIComponent(tenant)}/users/${encodeURIComponent(user)}/diagnosis`);
    // security alerts first: a caller asking to be unlocked may be the attacker the alert is about
    const alerts = (d.alerts || []).map((a) => el('li', { class: 'diagnosis-alert' },
      el('span', { class: 'sev ' + a.severity }, a.severity), ' ', el('b', {}, a.rule), ' ',
      el('small', {}, new Date(a.lastSeen).toLocaleString()), ' — ', a.summary,
      ...(a.remediation || []).slice(0, 2).map((r) => el('div', { class: 'remediation' }, '→ ' + r))));
    const problems = d.problems.map((p) => el('li', {}, el('b', {}, p.category), ` (${p.check}) since `,
      new Date(p.since).toLocaleString(), `, ${p.count}×: ${p.evidence}`,
      el('ul', {}, p.remediation.map((r) => el('li', {}, r)))));
    const checks = el('table', { id: 'checklist' }, el('tbody', {}, d.checks.map((c) =>
      el('tr', {}, el('td', {}, c.check), el('td', { class: 'check ' + c.status }, c.status)))));
    const fields = ['createdDateTime', 'correlationId', 'appDisplayName', 'resource', 'ipAddress', 'browser',
      'operatingSystem', 'location', 'errorCode', 'category', 'failureReason'];
    const recent = el('table', { id: 'recent' }, el('thead', {}, el('tr', {}, fields.map((f) => el('th', {}, f)))),
      el('tbody', {}, d.recentSignIns.map((s) => el('tr', {}, fields.map((f) => el('td', {}, s[f] == null ? '' : String(s[f])))))));
    $('diagnosis').replaceChildren(el('p', { class: 'verdict ' + d.status }, `${d.userPrincipalName}: ${d.status}`),
      d.headline ? el('p', { id: 'diagnosis-headline', class: 'headline' }, d.headline) : '',
      alerts.length ? el('h3', {}, 'Security alerts on this user') : '',
      alerts.length ? el('ul', { id: 'diagnosis-alerts' }, alerts) : '',
      problems.length ? el('ol', { id: 'problems' }, problems) : '', el('h3', {}, 'Checklist'), checks,
      el('h3', {}, 'Recent sign-ins (support-ticket fields)'), recent);
  }

  // the trend window the step buttons chose: the breakdown covers the same span
  const SPANS = { PT1M: 6 * 3600e3, PT1H: 7 * 86400e3, P1D: 30 * 86400e3 };
  let breakdownSort = null;
  let breakdownRows = [];

  function drawBreakdown() {
    const rows = breakdownSort ? [...breakdownRows].sort((a, b) => (typeof a[breakdownSort] === 'string'
      ? a[breakdownSort].localeCompare(b[breakdownSort]) : b[breakdownSort] - a[breakdownSort])) : breakdownRows;
    const by = $('breakdown-by').value;
    $('breakdown').tBodies[0].replaceChildren(...rows.map((r) => {
      const value = el('td', { title: r.value + (r.category ? ' (' + r.category + ')' : '') },
        r.label === r.value ? r.value : `${r.value} ${r.label}`);
      if (by === 'user') {
        value.className = 'entity';
        value.addEventListener('click', () => { $('user').value = r.value; diagnose(); });
      }
      const failures = el('td', r.failuresError ? { title: `at most ${r.failuresError} over` } : {},
        (r.failuresError ? '≤ ' : '') + r.failures);
      return el('tr', {}, value, el('td', {}, String(r.signIns)), failures,
        el('td', {}, (100 * r.failureRate).toFixed(1)), el('td', {}, String(r.users)));
    }));
  }

  async function loadBreakdown() {
    const tenant = $('tenant').value;
    if (!tenant) return;
    const from = new Date(Date.now() - SPANS[step]).toISOString();
    const b = await api(`/api/v1/tenants/${encodeURIComponent(tenant)}/breakdown?by=${$('breakdown-by').value}`
      + `&outcome=${$('breakdown-outcome').value}&from=${from}&limit=50`);
    breakdownRows = b.rows;
    $('breakdown-note').textContent = `${new Date(b.from).toLocaleString()} – ${new Date(b.to).toLocaleString()}`
      + (b.approximate ? ` (approximate: counts within ${b.errorBound})` : '');
    drawBreakdown();
  }

  async function loadMovers() {
    const tenant = $('tenant').value;
    if (!tenant) return;
    const m = await api(`/api/v1/tenants/${encodeURIComponent(tenant)}/movers?by=${$('movers-by').value}&baseline=previous`);
    $('movers').tBodies[0].replaceChildren(...m.rows.map((r) => el('tr', {},
      el('td', { title: r.value }, r.label === r.value ? r.value : `${r.value} ${r.label}`),
      el('td', {}, String(r.failures)), el('td', {}, String(r.baselineFailures)), el('td', {}, '+' + r.change))));
  }

  async function refresh() {
    try {
      if (await loadTenants() === 0) { $('status').textContent = 'No sign-ins yet.'; return; }
      await loadTrends();
      await loadAlerts();
      await loadBreakdown();
      await loadMovers();
      $('status').textContent = 'Updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      if (e.message !== 'unauthorized') $('status').textContent = e.message;
    }
  }

  function start() {
    $('login').hidden = true;
    $('main').hidden = false;
    refresh();
  }

  $('save-token').addEventListener('click', () => { sessionStorage.setItem('gatewatch-token', $('token').value); start(); });
  $('tenant').addEventListener('change', refresh);
  $('search').addEventListener('submit', diagnose);
  $('breakdown-by').addEventListener('change', () => { breakdownSort = null; loadBreakdown(); });
  $('breakdown-outcome').addEventListener('change', loadBreakdown);
  $('movers-by').addEventListener('change', loadMovers);
  document.querySelectorAll('#breakdown th').forEach((th) => th.addEventListener('click', () => {
    breakdownSort = th.dataset.key;
    drawBreakdown();
  }));
  document.querySelectorAll('#steps button').forEach((b) => b.addEventListener('click', () => {
    step = b.dataset.step;
    document.querySelectorAll('#steps button').forEach((x) => x.classList.toggle('on', x === b));
    loadTrends();
    loadBreakdown().catch(() => {});
  }));
  setInterval(() => { if (token() && !$('main').hidden) { loadAlerts().catch(() => {}); } }, 5000);
  setInterval(() => { if (token() && !$('main').hidden) { refresh(); } }, 30000);
  if (token()) start(); else showLogin();
})();
