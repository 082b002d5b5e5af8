// Gatewatch dashboard helpers shared by app.js and alerts.js: the API call, DOM building, CSV download, keyboard rows.
window.GW = (() => {
  'use strict';
  const $ = (id) => document.getElementById(id);

  // the token comes from the URL fragment (never sent to a server) or the login box, and stays in this tab
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('gatewatch-token', fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = () => sessionStorage.getItem('gatewatch-token');

  let onUnauthorized = () => {};
  // pausing auto-refresh freezes the page: answers to requests sent before the pause are dropped, not drawn
  let epoch = 0;
  const pause = () => { epoch++; };
  async function api(path) {
    const sent = epoch;
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
    if (response.status === 401) { onUnauthorized('That token was refused.'); throw new Error('unauthorized'); }
    if (!response.ok) { throw new Error((await response.json()).error || response.statusText); }
    const answer = await response.json();
    if (sent !== epoch) throw new Error('paused');
    return answer;
  }
  // an error worth showing: not a refused token (the login box says so) nor an answer dropped by a pause
  const shown = (e) => e.message !== 'unauthorized' && e.message !== 'paused';

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => (k === 'class' ? node.className = v : node.setAttribute(k, v)));
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
    return node;
  }

  // a row a mouse or the keyboard opens: focusable, Enter (or Space) does what a click does
  function actionable(node, action, label) {
    node.tabIndex = 0;
    node.classList.add('actionable');
    if (label) node.setAttribute('aria-label', label);
    node.addEventListener('click', action);
    node.addEventListener('keydown', (e) => {
      if (e.target === node && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); action(e); }
    });
    return node;
  }

  // a cell a spreadsheet would run as a formula (=, @, or a +/- that is not a number) is quoted as text: values come
  // from sign-in logs, where an attacker chooses user names
  function csvCell(value) {
    let text = value == null ? '' : String(value);
    if (/^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !/^[+-]?\d+(\.\d+)?%?$/.test(text))) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function downloadCsv(name, header, rows) {
    const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    const link = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: name });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  // a table as the page shows it: header cells, then each row's cells
  function tableCsv(table, name) {
    const header = [...table.querySelectorAll('thead th')].map((th) => th.dataset.csv || th.textContent.trim());
    const rows = [...table.tBodies[0].rows].map((tr) => [...tr.cells].map((td) => td.dataset.csv ?? td.textContent.trim()));
    downloadCsv(name, header, rows);
  }

  function fileStamp() {
    return new Date().toISOString().slice(0, 16).replace(/[:T]/g, '');
  }

  return { $, api, pause, shown, el, actionable, downloadCsv, tableCsv, fileStamp, token,
    set onUnauthorized(f) { onUnauthorized = f; } };
})();
