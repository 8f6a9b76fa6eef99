// Observer page: reads the public API and checks receipts in the browser (docs/protocol.md §2.1, §9.3, §9.4).
'use strict';

const state = { electionHash: null, boardKey: null };

function $(id) { return document.getElementById(id); }

function hexToBytes(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
  return out;
}

function bytesEqual(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function concat(...parts) {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

// H of §2.1: typed, length-prefixed items, the first being the domain tag.
function item(type, content) {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, content.length);
  return concat(new Uint8Array([type]), len, content);
}
function tagItem(tag) { return item(0x00, new TextEncoder().encode(tag)); }
function integerItem(n) {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(n));
  return item(0x02, b);
}
function digestItem(hex) { return item(0x05, hexToBytes(hex)); }
function stringItem(s) { return item(0x01, new TextEncoder().encode(s)); }
function bytesItem(b) { return item(0x06, b); }

// RFC 8785 canonical JSON (§2.5): members sorted by UTF-16 code units, ECMAScript string escaping, integers.
function canonical(v) {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  return '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
}

// §9.2: e_s = H(BOARD_ENTRY; H_E, e_{s−1}, s, kind, time, canonical payload).
async function entryHash(entry) {
  return sha256(concat(tagItem('evote/1/board/entry'), digestItem(state.electionHash),
    digestItem(entry.previous_hash), integerItem(entry.sequence), stringItem(entry.kind),
    integerItem(entry.timestamp), bytesItem(new TextEncoder().encode(canonical(entry.payload)))));
}

function toHex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

// What the voter typed or scanned, as the code to look up: the receipt's QR code holds the look-up URL
// <board>/?code=<H_C, 64 hex> (docs/protocol.md §5.5), so a scanned URL gives its `code` parameter; a 64-hex run
// is the full confirmation code; anything else is a short tracking code.
function lookupCode(input) {
  let c = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(c) || c.includes('?code=')) {
    try {
      const fromUrl = new URL(c, location.href).searchParams.get('code');
      if (fromUrl) c = fromUrl.trim();
    } catch (e) {
      // not a URL after all: look it up as typed
    }
  }
  const hex = c.match(/(^|[^0-9a-f])([0-9a-f]{64})($|[^0-9a-f])/i);
  return hex ? hex[2].toLowerCase() : normalizeCode(c);
}

// A short tracking code as the board writes it (§5.5: upper case; no dashes or spaces; I and L are 1, O is 0;
// regrouped in fours); a full 64-hex code in lower case.
function normalizeCode(typed) {
  const c = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return c.length === 16 ? c.match(/.{4}/g).join('-') : c.toLowerCase();
}

// §5.5: the short tracking code of a confirmation code (64 hex): its first 10 bytes (80 bits), most significant
// 5 bits first, as 16 characters of Crockford's base-32, in four groups of four joined by '-'.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function shortForm(confirmationHex) {
  const b = hexToBytes(confirmationHex);
  let buffer = 0;
  let bits = 0;
  let out = '';
  for (let i = 0; i < 10; i++) {
    buffer = (buffer << 8) | b[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      if (out.length > 0 && out.replace(/-/g, '').length % 4 === 0) out += '-';
      out += CROCKFORD[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

// Whether what the voter typed (normalised by lookupCode) names this confirmation code: its short form, or the
// full 64 hex. Decided from the verified entry's own code alone, never from the board's answer about it.
function codeNames(typed, confirmationHex) {
  if (typeof confirmationHex !== 'string' || !/^[0-9a-f]{64}$/.test(confirmationHex)) return false;
  return typed === confirmationHex || typed === shortForm(confirmationHex);
}

// RFC 9162 §2.1.3.2 inclusion proof verification.
async function verifyInclusion(index, size, entryHashHex, pathHex, rootHex) {
  if (index >= size) return false;
  let fn = index, sn = size - 1;
  let r = await sha256(concat(new Uint8Array([0]), hexToBytes(entryHashHex)));
  for (const pHex of pathHex) {
    const p = hexToBytes(pHex);
    if (sn === 0) return false;
    if ((fn & 1) === 1 || fn === sn) {
      r = await sha256(concat(new Uint8Array([1]), p, r));
      if ((fn & 1) === 0) {
        while ((fn & 1) === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      }
    } else {
      r = await sha256(concat(new Uint8Array([1]), r, p));
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(r, hexToBytes(rootHex));
}

// §9.4: the board key signs H(BOARD_SIGNED_HEAD; H_E, size, head hash, root, time).
async function verifyHeadSignature(head) {
  const message = await sha256(concat(tagItem('evote/1/board/signed-head'), digestItem(state.electionHash),
    integerItem(head.size), digestItem(head.head_hash), digestItem(head.merkle_root), integerItem(head.timestamp)));
  const key = await crypto.subtle.importKey('raw', hexToBytes(state.boardKey), { name: 'Ed25519' }, false,
    ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, hexToBytes(head.signature), message);
}

function when(seconds) {
  return new Date(seconds * 1000).toLocaleString();
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
    body = { error: { message: 'The board answered something that is not JSON (' + r.status + ').' } };
  }
  return { ok: r.ok, status: r.status, body };
}

// A practice board (server init --practice) says so at the top of the page and in the title; a real one never.
function showPractice(status) {
  const practice = status.practice === true;
  $('practice-banner').hidden = !practice;
  if (practice && !document.title.startsWith('PRACTICE')) {
    document.title = 'PRACTICE — ' + document.title;
  }
}

async function loadStatus() {
  const election = await getJson('/api/election');
  state.electionHash = election.body.extended_hash;
  state.boardKey = election.body.board_public_key;
  $('election-hash').textContent = state.electionHash;
  $('board-key').textContent = state.boardKey;
  const s = (await getJson('/api/status')).body;
  $('election-name').textContent = s.election_name;
  document.title = s.election_name + ' — bulletin board';
  showPractice(s);
  $('polls').textContent = { not_opened: 'Not yet open', open: 'Open', closed: 'Closed' }[s.polls] || s.polls;
  $('cast').textContent = s.cast_ballots;
  $('challenged').textContent = s.challenged_ballots;
  $('refused').textContent = s.refused_ballots === undefined ? 0 : s.refused_ballots;
  $('entries').textContent = s.entries;
  if (s.signed_head) {
    $('head-time').textContent = when(s.signed_head.timestamp) + ' (' + s.signed_head.size + ' entries)';
    $('head-hash').textContent = s.signed_head.head_hash;
  }
}

// The list of challenged ballots, a page at a time (the board answers at most 200 per request; docs/api.md).
const CHALLENGED_PAGE = 50;

async function loadChallenged() {
  const list = $('challenged-list');
  const r = await getJson('/api/challenged?limit=' + CHALLENGED_PAGE);
  list.replaceChildren();
  if (!r.ok || r.body.challenged.length === 0) {
    list.append(text('p', 'No ballot has been challenged.'));
    return;
  }
  const table = document.createElement('table');
  const caption = text('caption', 'Challenged ballots with the choices their kiosks disclosed');
  caption.className = 'skip';
  table.append(caption);
  const head = document.createElement('tr');
  ['Tracking code', 'Time', 'Kiosk', 'Disclosed choices'].forEach(h => {
    const th = text('th', h);
    th.scope = 'col';
    head.append(th);
  });
  table.append(head);
  list.append(table);
  appendChallenged(table, r.body);
}

function appendChallenged(table, page) {
  for (const b of page.challenged) {
    const tr = document.createElement('tr');
    tr.append(text('td', b.tracking_code), text('td', when(b.timestamp)), text('td', b.kiosk_id));
    const td = document.createElement('td');
    const ul = document.createElement('ul');
    for (const c of b.contests) {
      const names = c.chosen.map(x => x.name).join(', ') || 'no selection';
      ul.append(text('li', c.name + ': ' + names));
    }
    td.append(ul);
    tr.append(td);
    table.append(tr);
  }
  const old = $('challenged-more');
  if (old) old.remove();
  if (page.next === undefined) return;
  const more = text('button', 'Show more challenged ballots');
  more.id = 'challenged-more';
  more.type = 'button';
  more.addEventListener('click', async () => {
    more.disabled = true;
    const r = await getJson('/api/challenged?from=' + page.next + '&limit=' + CHALLENGED_PAGE);
    if (r.ok) {
      appendChallenged(table, r.body);
    } else {
      more.disabled = false;
    }
  });
  table.after(more);
}

// What a voter is told about a ballot, by the kind of its board entry — the entry the browser verified, never the
// board's word for it. A kind not listed here is not a ballot, and the check fails.
const BALLOT_STATUS = {
  ballot_cast: entry => 'Cast (it will be counted)',
  ballot_challenged: entry => 'Challenged (opened, not counted)',
  ballot_refused: entry => 'Refused: ' + entry.payload.reason + ' (not counted; tell an election official)',
};

// The ballot an entry holds: a refused ballot's entry (ballot_refused) holds the kiosk's submission and the reason.
function ballotOf(entry) {
  return entry.kind === 'ballot_refused' ? entry.payload.submission.ballot : entry.payload.ballot;
}

function ballotStatus(entry) {
  return Object.prototype.hasOwnProperty.call(BALLOT_STATUS, entry.kind) ? BALLOT_STATUS[entry.kind](entry) : null;
}

// Ballots the board refused and recorded (docs/protocol.md §9.6): never counted, shown with their reasons, a page at
// a time like the challenged ballots. /api/refused pages by board sequence: a full page may be followed by more,
// from the sequence after its last entry.
const REFUSED_PAGE = 50;

async function loadRefused() {
  const list = $('refused-list');
  const r = await getJson('/api/refused?limit=' + REFUSED_PAGE);
  list.replaceChildren();
  if (!r.ok || r.body.refused.length === 0) {
    list.append(text('p', 'No ballot has been refused.'));
    return;
  }
  const table = document.createElement('table');
  const caption = text('caption', 'Refused ballots with the board\'s reasons');
  caption.className = 'skip';
  table.append(caption);
  const head = document.createElement('tr');
  ['Tracking code', 'Time', 'Kiosk', 'Ballot', 'Reason'].forEach(h => {
    const th = text('th', h);
    th.scope = 'col';
    head.append(th);
  });
  table.append(head);
  list.append(table);
  appendRefused(table, r.body.refused);
}

function appendRefused(table, refused) {
  for (const b of refused) {
    const tr = document.createElement('tr');
    tr.append(text('td', b.tracking_code), text('td', when(b.timestamp)), text('td', b.kiosk_id),
      text('td', b.ballot_id), text('td', b.reason));
    table.append(tr);
  }
  const old = $('refused-more');
  if (old) old.remove();
  if (refused.length < REFUSED_PAGE) return;
  const next = refused[refused.length - 1].sequence + 1;
  const more = text('button', 'Show more refused ballots');
  more.id = 'refused-more';
  more.type = 'button';
  more.addEventListener('click', async () => {
    more.disabled = true;
    const r = await getJson('/api/refused?from=' + next + '&limit=' + REFUSED_PAGE);
    if (r.ok && r.body.refused.length > 0) {
      appendRefused(table, r.body.refused);
    } else if (r.ok) {
      more.remove();
    } else {
      more.disabled = false;
    }
  });
  table.after(more);
}

async function check(code) {
  const out = $('result');
  out.replaceChildren(text('p', 'Checking…'));
  code = lookupCode(code);
  const r = await getJson('/api/receipts/' + encodeURIComponent(code));
  const box = document.createElement('div');
  if (r.status === 404) {
    box.className = 'missing';
    box.append(text('h3', 'Not found'),
      text('p', 'No ballot with this tracking code is on the board. Check the code on your receipt; if your receipt '
        + 'says "upload pending", try again later; otherwise tell an election official.'));
    out.replaceChildren(box);
    return;
  }
  if (!r.ok) {
    box.className = 'error';
    box.append(text('h3', 'Cannot check this code'), text('p', r.body.error ? r.body.error.message : 'Error'));
    out.replaceChildren(box);
    return;
  }
  const receipt = r.body;
  const head = receipt.signed_head;
  const proof = receipt.inclusion_proof;
  let included = false;
  let signed = null;
  let matches = false;
  let status = null;
  let shownCode = code;
  try {
    // The entry itself: it must hold this very ballot — the short form (§5.5) of ITS confirmation code, computed
    // here, is the code typed (or the typed 64 hex is its code); the answer's tracking_code and confirmation_code
    // are never trusted — with the kind the answer claims, and its hash (which covers the kind and the code) must
    // be what the proof is about.
    const page = await getJson('/api/board?from=' + receipt.sequence + '&limit=1');
    const entry = page.ok ? page.body.entries[0] : null;
    matches = entry !== undefined && entry !== null && entry.sequence === receipt.sequence
      && entry.kind === receipt.kind && ballotStatus(entry) !== null
      && codeNames(code, ballotOf(entry).confirmation_code)
      && toHex(await entryHash(entry)) === receipt.entry_hash;
    status = matches ? ballotStatus(entry) : null;
    if (matches) shownCode = shortForm(ballotOf(entry).confirmation_code);
    included = matches && proof.index === receipt.sequence && proof.size === head.size
      && await verifyInclusion(proof.index, proof.size, receipt.entry_hash, proof.path, head.merkle_root);
    try {
      signed = await verifyHeadSignature(head);
    } catch (e) {
      signed = null;
    }
  } catch (e) {
    included = false;
  }
  const refused = matches && receipt.kind === 'ballot_refused';
  box.className = refused ? 'missing' : matches ? 'found' : 'error';
  box.append(text('h3', refused ? 'Found: the board REFUSED this ballot (it is not counted)'
    : matches ? 'Found: your ballot is on the board' : 'The board\'s answer does not check out'));
  const dl = document.createElement('dl');
  for (const [k, v] of [['Tracking code', shownCode],
    ['Status', status !== null ? status : 'Not verified (see below)'],
    ['Received', when(receipt.timestamp)], ['Board position', 'entry ' + receipt.sequence]]) {
    const dd = text('dd', v);
    if (k === 'Status') dd.id = 'status-of-ballot';
    dl.append(text('dt', k), dd);
  }
  box.append(dl);
  box.append(text('p', included
    ? 'Inclusion proof checked in this browser: the entry is in the board of ' + head.size + ' entries whose Merkle '
      + 'root is ' + head.merkle_root.substring(0, 16) + '…'
    : matches ? 'The inclusion proof does NOT check out. Tell an election official.'
      : 'The board entry does NOT match this tracking code and the status the board gave for it. Tell an election '
        + 'official.',
    included ? 'check-ok' : 'check-bad'));
  box.append(text('p', signed === true ? 'The board key\'s signature on that signed head is valid.'
    : signed === false ? 'The signature on the signed head is NOT valid. Tell an election official.'
      : 'This browser cannot check Ed25519 signatures here (it needs HTTPS or localhost); the head can be checked '
        + 'with the tally tool.', signed === true ? 'check-ok' : signed === false ? 'check-bad' : ''));
  out.replaceChildren(box);
}

document.addEventListener('DOMContentLoaded', async () => {
  $('check').addEventListener('submit', e => {
    e.preventDefault();
    check($('code').value);
  });
  await loadStatus();
  await loadChallenged();
  await loadRefused();
  const fromUrl = new URLSearchParams(location.search).get('code');
  if (fromUrl) {
    $('code').value = fromUrl;
    await check(fromUrl);
  }
  setInterval(loadStatus, 15000);
});
