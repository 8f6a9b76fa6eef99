# Independent check of docs/test-vectors/shuffle.json against protocol §13.1-§13.4 (pure Python, test-only).
import json, hashlib, base64, struct, sys
p = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff
q = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
A = p - 3
B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b
G = (0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296,
     0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5)
def add(P, Q):
    if P is None: return Q
    if Q is None: return P
    if P[0] == Q[0]:
        if (P[1] + Q[1]) % p == 0: return None
        l = (3 * P[0] * P[0] + A) * pow(2 * P[1], -1, p) % p
    else:
        l = (Q[1] - P[1]) * pow(Q[0] - P[0], -1, p) % p
    x = (l * l - P[0] - Q[0]) % p
    return (x, (l * (P[0] - x) - P[1]) % p)
def mul(k, P):
    R = None
    k %= q
    while k:
        if k & 1: R = add(R, P)
        P = add(P, P); k >>= 1
    return R
def neg(P): return None if P is None else (P[0], (-P[1]) % p)
def dec(t):
    b = base64.urlsafe_b64decode(t + '=' * (-len(t) % 4))
    assert len(b) == 65 and b[0] == 4
    P = (int.from_bytes(b[1:33], 'big'), int.from_bytes(b[33:], 'big'))
    assert (P[1] ** 2 - P[0] ** 3 - A * P[0] - B) % p == 0
    return P
def comp(P):
    if P is None: return b'\x00'
    return bytes([2 + (P[1] & 1)]) + P[0].to_bytes(32, 'big')
class H:
    def __init__(s, tag): s.h = hashlib.sha256(); s.item(0, tag.encode())
    def item(s, t, c): s.h.update(bytes([t]) + struct.pack('>I', len(c)) + c); return s
    def string(s, v): return s.item(1, v.encode())
    def integer(s, v): return s.item(2, struct.pack('>q', v))
    def element(s, P): return s.item(3, comp(P))
    def digest(s, d): return s.item(5, d)
    def copy(s): n = H.__new__(H); n.h = s.h.copy(); return n
    def scalar(s): return int.from_bytes(s.h.digest(), 'big') % q
def xmd(msg, dst, n):
    dp = dst + bytes([len(dst)])
    b0 = hashlib.sha256(bytes(64) + msg + n.to_bytes(2, 'big') + b'\x00' + dp).digest()
    out, prev = b'', bytes(32)
    for i in range(1, (n + 31) // 32 + 1):
        prev = hashlib.sha256(bytes(a ^ b for a, b in zip(b0, prev if i > 1 else bytes(32))) + bytes([i]) + dp).digest()
        out += prev
    return out[:n]
def sswu(u):
    Z = p - 10
    tv1 = (Z * Z * pow(u, 4, p) + Z * u * u) % p
    x1 = B * pow(Z * A, -1, p) % p if tv1 == 0 else (-B * pow(A, -1, p) * (1 + pow(tv1, -1, p))) % p
    g = lambda x: (x ** 3 + A * x + B) % p
    if pow(g(x1), (p - 1) // 2, p) in (0, 1): x, y = x1, pow(g(x1), (p + 1) // 4, p)
    else: x = Z * u * u * x1 % p; y = pow(g(x), (p + 1) // 4, p)
    if (u & 1) != (y & 1): y = (-y) % p
    return (x, y)
def h2c(msg, dst):
    b = xmd(msg, dst, 96)
    return add(sswu(int.from_bytes(b[:48], 'big') % p), sswu(int.from_bytes(b[48:], 'big') % p))
assert h2c(b'', b'QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_')[0] == 0x2c15230b26dbc6fc9a37051158c95b79656e17a1a920b11394ca91c44247d3e4
v = json.load(open(sys.argv[1]))
HE = bytes.fromhex(v['extended_hash']); K = dec(v['joint_key']); con = v['contest_id']
pos, mixer = v['position'], v['mixer']
rows = lambda L: [[(dec(c['alpha']), dec(c['beta'])) for c in r] for r in L]
inp, out = rows(v['input']), rows(v['output'])
N, w = len(inp), len(inp[0])
gens = [h2c(HE + i.to_bytes(4, 'big'), b'evote/2/mix/generators') for i in range(N + 1)]
h, hs = gens[0], gens[1:]
assert dec(v['generators']['h']) == h and [dec(t) for t in v['generators']['h_i']] == hs
def listhash(L):
    x = H('evote/2/mix/list').digest(HE).string(con).integer(len(L)).integer(len(L[0]))
    for r in L:
        for a, b in r: x.element(a).element(b)
    return x.h.digest().hex()
assert listhash(inp) == v['input_hash'] and listhash(out) == v['output_hash']
def S(tag):
    x = H(tag).digest(HE).element(K).string(con).integer(pos).integer(mixer).integer(N).integer(w)
    for L in (inp, out):
        for r in L:
            for a, b in r: x.element(a).element(b)
    return x
pf = v['proof']
cs = [dec(t) for t in pf['permutation_commitments']]; ch = [dec(t) for t in pf['chain']]
t1, t2, t3 = dec(pf['t1']), dec(pf['t2']), dec(pf['t3'])
t4a = [dec(t) for t in pf['t4_alpha']]; t4b = [dec(t) for t in pf['t4_beta']]; th = [dec(t) for t in pf['t_hat']]
sc = lambda t: int(t, 16)
s1, s2, s3 = sc(pf['s1']), sc(pf['s2']), sc(pf['s3'])
s4 = [sc(t) for t in pf['s4']]; sh = [sc(t) for t in pf['s_hat']]; sp = [sc(t) for t in pf['s_prime']]
pre = S('evote/2/proof/shuffle-challenges')
for cc in cs: pre.element(cc)
u = [pre.copy().integer(i + 1).scalar() for i in range(N)]
assert [format(x, '064x') for x in u] == v['u']
x = S('evote/2/proof/shuffle')
for P in cs + ch + [t1, t2, t3]: x.element(P)
for j in range(w): x.element(t4a[j]).element(t4b[j])
for P in th: x.element(P)
c = x.scalar()
assert format(c, '064x') == v['c']
def sm(*terms):
    R = None
    for k, P in terms: R = add(R, mul(k, P))
    return R
uprod = 1
for x_ in u: uprod = uprod * x_ % q
csum = None
for cc, hh in zip(cs, hs): csum = add(csum, add(cc, neg(hh)))
assert add(mul(c, csum), mul(s1, G)) == t1, "(1)"
assert sm((c, ch[-1]), (-c * uprod, h), (s2, G)) == t2, "(2)"
assert sm(*[(c * u[i], cs[i]) for i in range(N)], (s3, G), *[(sp[i], hs[i]) for i in range(N)]) == t3, "(3)"
for j in range(w):
    assert sm(*[(c * u[i], inp[i][j][0]) for i in range(N)], (-s4[j], G), *[(sp[i], out[i][j][0]) for i in range(N)]) == t4a[j], "(4a)"
    assert sm(*[(c * u[i], inp[i][j][1]) for i in range(N)], (-s4[j], K), *[(sp[i], out[i][j][1]) for i in range(N)]) == t4b[j], "(4b)"
for i in range(N):
    assert sm((c, ch[i]), (sh[i], G), (sp[i], h if i == 0 else ch[i - 1])) == th[i], "(5)"
# The prover's side: the permutation commitment from the listed nonces and psi.
psi = [k - 1 for k in v['psi']]; r = [sc(t) for t in v['prover_nonces']['r']]
for i in range(N): assert cs[psi[i]] == add(mul(r[psi[i]], G), hs[i])
for i in range(N):
    for j in range(w):
        rt = sc(v['reencryption_nonces'][i][j])
        assert out[i][j] == (add(inp[psi[i]][j][0], mul(rt, G)), add(inp[psi[i]][j][1], mul(rt, K)))
print("shuffle.json: generators, list hashes, u, c, equations (1)-(5), commitments and re-encryptions all check")
