// Observer page: reads the public API and checks receipts in the browser (verify.js holds the checks). Every word it
// shows is the page's own (the ObserverWords bundle, handed over in the "words" script block) or a name of the
// manifest from GET /api/names (the one display-name rule, docs/protocol.md §5.1) — never a raw id.
'use strict';

const state = { electionHash: null, boardKey: null, names: null };
const PAGE = JSON.parse(document.getElementById('words').textContent);

function $(id) { return document.getElementById(id); }

// The page's own words: {0}, {1}, … replaced by the arguments.
function w(key, ...args) {
  const pattern = Object.prototype.hasOwnProperty.call(PAGE.words, key) ? PAGE.words[key] : key;
  return pattern.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
}

// Board times are Unix seconds; shown in UTC with the zone, as receipts show them: "2026-12-01 17:05:03 UTC".
function when(seconds) {
  return w('time.utc', new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ''));
}

function text(tag, content, cls) {
  const e = document.createElement(tag);
  e.textContent = content;
  if (cls) e.className = cls;
  return e;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  let body;
  try {
    body = await r.json();
  } catch (e) {
    body = { error: { message: w('check.notJson', r.status) } };
  }
  return { ok: r.ok, status: r.status, body };
}

// ---- names (GET /api/names: display texts {kind: text|write_in|unnamed|untitled}) ----

// A display text as a node: the manifest's text in its own language (marked when it is not the reader's), or the
// page's words for a write-in line, an unnamed selection or an untitled contest.
function nameNode(t) {
  const span = document.createElement('span');
  if (!t) {
    span.textContent = w('name.unknown');
  } else if (t.kind === 'text') {
    const value = text('span', t.value);
    if (t.language && t.language !== 'und') value.lang = t.language;
    if (t.fallback) {
      const language = state.names.language_names[t.language] || t.language;
      const [before, after] = w('name.untranslated', '\u0000', language).split('\u0000');
      span.append(before, value, text('span', after, 'fallback'));
      span.className = 'untranslated';
    } else {
      span.append(value);
    }
  } else if (t.kind === 'write_in') {
    span.textContent = w('name.writeIn') + (Number.isInteger(t.line) && t.line > 0 ? ' ' + t.line : '');
  } else if (t.kind === 'unnamed') {
    span.textContent = w('name.unnamed', t.position);
  } else if (t.kind === 'untitled') {
    span.textContent = w('name.untitled.' + t.of, t.position);
  } else {
    span.textContent = w('name.unknown');
  }
  return span;
}

function contestOf(contestId) {
  return state.names.contests.find(c => c.contest_id === contestId);
}

function contestTitle(contestId) {
  const c = contestOf(contestId);
  return nameNode(c ? c.title : { kind: 'untitled', of: 'contest', position: 0 });
}

function selectionName(contestId, selectionId) {
  const c = contestOf(contestId);
  const s = c ? c.selections.find(x => x.selection_id === selectionId) : undefined;
  return nameNode(s ? s.name : null);
}

// A list of contests, each with the names chosen in it: [{contest_id, chosen: [selection ids], ranked, names:
// {write-in selection id: name}}] — a ranked contest's choices in rank order, numbered; a written name after its
// write-in line.
function choicesList(contests) {
  const ul = document.createElement('ul');
  ul.className = 'choices';
  for (const c of contests) {
    const li = document.createElement('li');
    li.append(text('span', '', 'contest'));
    li.firstChild.append(contestTitle(c.contest_id));
    li.append(': ');
    if (c.chosen.length === 0) li.append(text('span', w('challenged.noSelection'), 'none'));
    c.chosen.forEach((sel, i) => {
      if (i > 0) li.append(', ');
      const choice = document.createElement('span');
      choice.className = 'choice';
      if (c.ranked) choice.append(text('span', w('challenged.rank', i + 1) + ' ', 'rank'));
      choice.append(selectionName(c.contest_id, sel));
      const name = c.names && Object.prototype.hasOwnProperty.call(c.names, sel) ? c.names[sel] : null;
      if (typeof name === 'string') choice.append(' ', text('span', w('challenged.written', name), 'written'));
      li.append(choice);
    });
    ul.append(li);
  }
  return ul;
}

// The disclosed choices of a verified ballot_challenged entry, every contest of its style in ballot order: a contest
// is ranked if the ballot's contest has ranks; the names are the plaintext's write_ins.
function disclosedChoices(entry) {
  const ballot = entry.payload.ballot;
  const plaintext = entry.payload.plaintext || {};
  const choices = plaintext.choices || {};
  const names = plaintext.write_ins || {};
  const style = state.names.styles.find(s => s.style_id === ballot.style_id);
  const ids = style ? style.contest_ids : Object.keys(choices);
  const ranked = new Set((ballot.contests || []).filter(c => Array.isArray(c.ranks)).map(c => c.contest_id));
  return ids.map(id => ({ contest_id: id, chosen: Array.isArray(choices[id]) ? choices[id] : [],
    ranked: ranked.has(id), names: names[id] || {} }));
}

// ---- status ----

// A practice board (server init --practice) says so at the top of the page and in the title; a real one never.
function showPractice(status) {
  const practice = status.practice === true;
  $('practice-banner').hidden = !practice;
  const mark = w('practice.title');
  if (practice && !document.title.startsWith(mark)) {
    document.title = mark + ' — ' + document.title;
  }
}

async function loadStatus() {
  const s = (await getJson('/api/status')).body;
  $('polls').textContent = w('polls.' + s.polls);
  showPractice(s);
  $('cast').textContent = s.cast_ballots;
  $('challenged').textContent = s.challenged_ballots;
  $('refused').textContent = s.refused_ballots === undefined ? 0 : s.refused_ballots;
  $('entries').textContent = s.entries;
  if (s.signed_head) {
    $('head-time').textContent = w('status.headTime', when(s.signed_head.timestamp), s.signed_head.size);
    $('head-hash').textContent = s.signed_head.head_hash;
  }
}

async function loadElection() {
  const election = await getJson('/api/election');
  state.electionHash = election.body.extended_hash;
  state.boardKey = election.body.board_public_key;
  $('election-hash').textContent = state.electionHash;
  $('board-key').textContent = state.boardKey;
  const names = await getJson('/api/names?lang=' + encodeURIComponent(PAGE.language));
  // without names (an old board), choices show as "a choice the manifest does not list", never as ids
  state.names = names.ok ? names.body : { language_names: {}, contests: [], styles: [], election: null };
  if (state.names.election) $('election-name').replaceChildren(nameNode(state.names.election));
  document.title = w('page.titleOf', $('election-name').textContent);
}

// ---- paged lists (challenged, refused): one page at a time, with previous and next ----

const LIST_PAGE = 10;

// A list shown a page at a time: load(from) answers {items, next?}; each item becomes a card. The previous and next
// buttons stay in place (keeping the keyboard's focus) and the page number is announced.
function pagedList(listId, navId, emptyKey, load, card) {
  const starts = [0];
  let at = 0;
  const previous = text('button', w('pages.previous'), 'previous');
  const number = text('span', '', 'page-number');
  const next = text('button', w('pages.next'), 'next');
  previous.type = 'button';
  next.type = 'button';
  number.setAttribute('aria-live', 'polite');
  previous.addEventListener('click', () => { if (at > 0) { at -= 1; show(); } });
  next.addEventListener('click', () => { if (starts[at + 1] !== undefined) { at += 1; show(); } });
  async function show() {
    const page = await load(starts[at]);
    const list = $(listId);
    const nav = $(navId);
    if (page.items.length === 0 && at === 0) {
      list.replaceChildren(text('p', w(emptyKey)));
      nav.replaceChildren();
      return;
    }
    const ol = document.createElement('ol');
    ol.className = 'cards';
    page.items.forEach(item => ol.append(card(item)));
    list.replaceChildren(ol);
    starts.length = at + 1;
    if (page.next !== undefined) starts.push(page.next);
    if (at === 0 && page.next === undefined) {
      nav.replaceChildren();
      return;
    }
    const focused = document.activeElement;
    previous.disabled = at === 0;
    next.disabled = page.next === undefined;
    number.textContent = w('pages.page', at + 1);
    if (nav.firstChild !== previous) nav.replaceChildren(previous, number, next);
    if (focused === next && next.disabled) previous.focus();
    if (focused === previous && previous.disabled) next.focus();
  }
  return { show, reset() { starts.length = 1; at = 0; return show(); } };
}

function meta(pairs) {
  const dl = document.createElement('dl');
  dl.className = 'meta';
  for (const [k, v] of pairs) {
    const div = document.createElement('div');
    div.append(text('dt', k), text('dd', v));
    dl.append(div);
  }
  return dl;
}

function challengedCard(b) {
  const li = document.createElement('li');
  li.className = 'card';
  li.append(text('p', b.tracking_code, 'code'), meta([[w('card.time'), when(b.timestamp)],
    [w('card.kiosk'), b.kiosk_id]]));
  const details = document.createElement('details');
  details.append(text('summary', w('challenged.choices')), choicesList(b.contests.map(c => ({
    contest_id: c.contest_id, chosen: c.chosen.map(x => x.selection_id), ranked: c.ranked === true,
    names: Object.fromEntries(c.chosen.filter(x => typeof x.write_in === 'string')
      .map(x => [x.selection_id, x.write_in])) }))));
  li.append(details);
  return li;
}

// A refusal reason (the board's code) in the page's words, with the code for poll workers and officials.
function reasonText(code) {
  return Object.prototype.hasOwnProperty.call(PAGE.words, 'reason.' + code)
    ? w('reason.text', w('reason.' + code), code) : code;
}

function refusedCard(b) {
  const li = document.createElement('li');
  li.className = 'card';
  li.append(text('p', b.tracking_code, 'code'), meta([[w('card.time'), when(b.timestamp)],
    [w('card.kiosk'), b.kiosk_id], [w('card.ballot'), b.ballot_id], [w('card.reason'), reasonText(b.reason)]]));
  return li;
}

// GET /api/challenged pages by board sequence and says where the next page starts (docs/api.md).
const challengedList = pagedList('challenged-list', 'challenged-pages', 'challenged.none', async from => {
  const r = await getJson('/api/challenged?from=' + from + '&limit=' + LIST_PAGE);
  return r.ok ? { items: r.body.challenged, next: r.body.next } : { items: [] };
}, challengedCard);

// GET /api/refused pages by board sequence: a full page may be followed by more, from after its last entry.
const refusedList = pagedList('refused-list', 'refused-pages', 'refused.none', async from => {
  const r = await getJson('/api/refused?from=' + from + '&limit=' + LIST_PAGE);
  if (!r.ok) return { items: [] };
  const items = r.body.refused;
  return { items, next: items.length === LIST_PAGE ? items[items.length - 1].sequence + 1 : undefined };
}, refusedCard);

// The challenged list's search: the code's receipt names its board position; the challenged ballot there is shown.
// What it finds, or why it finds nothing, is announced in #challenged-status.
async function findChallenged(typed) {
  const list = $('challenged-list');
  const status = $('challenged-status');
  const code = lookupCode(typed);
  const r = await getJson('/api/receipts/' + encodeURIComponent(code));
  const all = text('button', w('challenged.search.showAll'), 'show-all');
  all.type = 'button';
  all.id = 'challenged-show-all';
  all.addEventListener('click', () => {
    $('challenged-code').value = '';
    status.textContent = '';
    challengedList.reset();
  });
  $('challenged-pages').replaceChildren(all);
  const nothing = message => {
    status.textContent = message;
    list.replaceChildren();
  };
  if (r.status === 404 || (r.ok && r.body.kind !== 'ballot_challenged')) {
    nothing(w(r.ok ? 'challenged.search.notChallenged' : 'challenged.search.notFound'));
    return;
  }
  if (!r.ok) {
    nothing(r.body.error ? r.body.error.message : w('check.noReason'));
    return;
  }
  const page = await getJson('/api/challenged?from=' + r.body.sequence + '&limit=1');
  const found = page.ok ? page.body.challenged.filter(b => b.sequence === r.body.sequence) : [];
  if (found.length === 0) {
    nothing(w('challenged.search.notFound'));
    return;
  }
  status.textContent = w('challenged.search.found', found[0].tracking_code);
  const ol = document.createElement('ol');
  ol.className = 'cards';
  const card = challengedCard(found[0]);
  card.querySelector('details').open = true;
  ol.append(card);
  list.replaceChildren(ol);
}

// ---- the receipt check ----

// What a voter is told about a ballot, by the kind of its board entry — the entry the browser verified, never the
// board's word for it. A kind not listed here is not a ballot, and the check fails.
const BALLOT_STATUS = {
  ballot_cast: entry => w('ballot.cast'),
  ballot_challenged: entry => w('ballot.challenged'),
  ballot_refused: entry => w('ballot.refused', reasonText(entry.payload.reason)),
};

// The ballot an entry holds: a refused ballot's entry (ballot_refused) holds the kiosk's submission and the reason.
function ballotOf(entry) {
  return entry.kind === 'ballot_refused' ? entry.payload.submission.ballot : entry.payload.ballot;
}

function ballotStatus(entry) {
  return Object.prototype.hasOwnProperty.call(BALLOT_STATUS, entry.kind) ? BALLOT_STATUS[entry.kind](entry) : null;
}

function box(cls, title, ...content) {
  const div = document.createElement('div');
  div.className = cls;
  div.append(text('h3', title), ...content);
  return div;
}

async function check(code) {
  const out = $('result');
  out.replaceChildren(text('p', w('check.checking')));
  code = lookupCode(code);
  // the language form shows the same check again in the other language
  $('language-code').value = code;
  $('language-code').disabled = false;
  const r = await getJson('/api/receipts/' + encodeURIComponent(code));
  if (r.status === 404) {
    out.replaceChildren(box('missing', w('check.notFound'), text('p', w('check.notFoundText'))));
    return;
  }
  if (!r.ok) {
    out.replaceChildren(box('error', w('check.cannot'),
      text('p', r.body.error ? r.body.error.message : w('check.noReason'))));
    return;
  }
  const receipt = r.body;
  const head = receipt.signed_head;
  const proof = receipt.inclusion_proof;
  let included = false;
  let recomputed = null;
  let signed = null;
  let matches = false;
  let status = null;
  let shownCode = code;
  let entry = null;
  try {
    // The entry itself: it must hold this very ballot — the short form (§5.5) of ITS confirmation code, computed
    // here, is the code typed (or the typed 64 hex is its code); the answer's tracking_code and confirmation_code
    // are never trusted — with the kind the answer claims, and its hash (which covers the kind and the code) must
    // be what the proof is about.
    const page = await getJson('/api/board?from=' + receipt.sequence + '&limit=1');
    entry = page.ok ? page.body.entries[0] : null;
    matches = entry !== undefined && entry !== null && entry.sequence === receipt.sequence
      && entry.kind === receipt.kind && ballotStatus(entry) !== null
      && codeNames(code, ballotOf(entry).confirmation_code)
      && toHex(await entryHash(state.electionHash, entry)) === receipt.entry_hash;
    status = matches ? ballotStatus(entry) : null;
    if (matches) shownCode = shortForm(ballotOf(entry).confirmation_code);
    if (matches) {
      const again = await recomputedConfirmationCode(state.electionHash, ballotOf(entry));
      recomputed = again === ballotOf(entry).confirmation_code;
    }
    included = matches && proof.index === receipt.sequence && proof.size === head.size
      && await verifyInclusion(proof.index, proof.size, receipt.entry_hash, proof.path, head.merkle_root);
    try {
      signed = await verifyHeadSignature(state.electionHash, state.boardKey, head);
    } catch (e) {
      signed = null;
    }
  } catch (e) {
    included = false;
  }
  const refused = matches && receipt.kind === 'ballot_refused';
  const dl = document.createElement('dl');
  for (const [k, v] of [[w('check.code'), shownCode],
    [w('check.status'), status !== null ? status : w('check.notVerified')],
    [w('check.received'), when(receipt.timestamp)], [w('check.position'), w('check.positionValue', receipt.sequence)]]) {
    const dd = text('dd', v);
    if (k === w('check.status')) dd.id = 'status-of-ballot';
    dl.append(text('dt', k), dd);
  }
  const result = box(refused ? 'missing' : matches ? 'found' : 'error',
    refused ? w('check.foundRefused') : matches ? w('check.found') : w('check.mismatch'), dl);
  result.append(text('p', included ? w('check.included', head.size, head.merkle_root.substring(0, 16))
    : matches ? w('check.proofBad') : w('check.entryBad'), included ? 'check-ok' : 'check-bad'));
  if (matches) {
    const p = text('p', recomputed ? w('check.codeOk') : w('check.codeBad'), recomputed ? 'check-ok' : 'check-bad');
    p.id = 'code-recomputed';
    result.append(p);
  }
  result.append(text('p', signed === true ? w('check.signatureOk') : signed === false ? w('check.signatureBad')
    : w('check.signatureUnchecked'), signed === true ? 'check-ok' : signed === false ? 'check-bad' : ''));
  if (matches && entry.kind === 'ballot_challenged') {
    const disclosed = document.createElement('div');
    disclosed.id = 'disclosed';
    disclosed.append(text('h4', w('check.disclosed')), choicesList(disclosedChoices(entry)));
    result.append(disclosed);
  }
  out.replaceChildren(result);
}

document.addEventListener('DOMContentLoaded', async () => {
  $('check').addEventListener('submit', e => {
    e.preventDefault();
    check($('code').value);
  });
  $('challenged-search').addEventListener('submit', e => {
    e.preventDefault();
    findChallenged($('challenged-code').value);
  });
  await loadElection();
  await loadStatus();
  await challengedList.show();
  await refusedList.show();
  const fromUrl = new URLSearchParams(location.search).get('code');
  if (fromUrl) {
    $('code').value = fromUrl;
    await check(fromUrl);
  }
  setInterval(loadStatus, 15000);
});
