// Observer page, the checks: hashing, codes and proofs, computed in the browser (docs/protocol.md §2.1, §5.2, §5.3,
// §5.5, §9.2, §9.4; RFC 9162). app.js, loaded after it, is the page itself.
'use strict';

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

// §1.2: an element's text is base64url (no padding) of 04 ‖ x ‖ y; inside H (§2.1) it is the 33-byte compressed
// encoding (02 or 03 by the parity of y) ‖ x.
function base64UrlToBytes(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - text.length % 4) % 4));
  return Uint8Array.from(bin, c => c.charCodeAt(0));
}
function elementItem(text) {
  const b = base64UrlToBytes(text);
  if (b.length !== 65 || b[0] !== 4) throw new Error('not an uncompressed point');
  return item(0x03, concat(new Uint8Array([2 | (b[64] & 1)]), b.subarray(1, 33)));
}
function ciphertextItems(c) { return [elementItem(c.alpha), elementItem(c.beta)]; }

// §5.2: χ = H(CONTEST_HASH; H_E, ballot id, contest id, m, each selection's id, α, β; L, each rank's α, β;
// w, each write-in line's selection id and its three name ciphertexts' α, β).
async function contestHash(electionHash, ballotId, contest) {
  const selections = contest.selections || [];
  const ranks = contest.ranks || [];
  const lines = contest.write_ins || [];
  const parts = [tagItem('evote/2/ballot/contest-hash'), digestItem(electionHash), stringItem(ballotId),
    stringItem(contest.contest_id), integerItem(selections.length)];
  for (const s of selections) parts.push(stringItem(s.selection_id), ...ciphertextItems(s.ciphertext));
  parts.push(integerItem(ranks.length));
  for (const r of ranks) parts.push(...ciphertextItems(r.ciphertext));
  parts.push(integerItem(lines.length));
  for (const l of lines) {
    parts.push(stringItem(l.selection_id));
    for (const c of l.ciphertexts) parts.push(...ciphertextItems(c));
  }
  return sha256(concat(...parts));
}

// §5.3: H_C = H(CONFIRMATION_CODE; H_E, kiosk id, previous code, time, ballot id, style id, n, χ_1 … χ_n), each χ
// recomputed from the ballot's ciphertexts: whether the code names exactly these ciphertexts (64 hex, or null if the
// ballot is malformed).
async function recomputedConfirmationCode(electionHash, ballot) {
  try {
    const parts = [tagItem('evote/2/ballot/confirmation-code'), digestItem(electionHash), stringItem(ballot.kiosk_id),
      digestItem(ballot.previous_code), integerItem(ballot.timestamp), stringItem(ballot.ballot_id),
      stringItem(ballot.style_id), integerItem(ballot.contests.length)];
    for (const c of ballot.contests) {
      const chi = toHex(await contestHash(electionHash, ballot.ballot_id, c));
      if (chi !== c.contest_hash) return null;
      parts.push(digestItem(chi));
    }
    return toHex(await sha256(concat(...parts)));
  } catch (e) {
    return null;
  }
}

// RFC 8785 canonical JSON (§2.5): members sorted by UTF-16 code units, ECMAScript string escaping, integers.
function canonical(v) {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  return '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
}

// §9.2: e_s = H(BOARD_ENTRY; H_E, e_{s−1}, s, kind, time, canonical payload).
async function entryHash(electionHash, entry) {
  return sha256(concat(tagItem('evote/2/board/entry'), digestItem(electionHash),
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
async function verifyHeadSignature(electionHash, boardKey, head) {
  const message = await sha256(concat(tagItem('evote/2/board/signed-head'), digestItem(electionHash),
    integerItem(head.size), digestItem(head.head_hash), digestItem(head.merkle_root), integerItem(head.timestamp)));
  const key = await crypto.subtle.importKey('raw', hexToBytes(boardKey), { name: 'Ed25519' }, false,
    ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, hexToBytes(head.signature), message);
}
