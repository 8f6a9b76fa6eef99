/*
 * Native multi-scalar multiplication on P-256 for the verifier (docs/architecture.md, "Native MSM").
 *
 * Σ k_i·P_i over PUBLIC data only: the code is not constant-time (it branches on digits and on point equality).
 * Field: 4×64-bit limbs, Montgomery multiplication mod p with unsigned __int128 (R = 2^256; −p⁻¹ mod 2^64 = 1).
 * MSM: Pippenger with signed digits; each window's buckets are summed by rounds of pairwise affine additions
 * that share one field inversion per round (Montgomery's trick), several windows at a time; bucket sums are
 * combined in Jacobian coordinates. Thread-safe: no global mutable state, all scratch memory is per call.
 *
 * One JNI entry point, called once per MSM (see NativeMsm.java for the Java side and its input checks).
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* javac -h writes this header (crypto's native profile); it checks the signature below. An incremental build may
 * not rewrite it (classes compiled before without -h), so it is optional: the loader's self-test calls the function
 * anyway, and NativeMsmLoadTest fails if it is missing. */
#if defined(__has_include)
#if __has_include("org_evote_crypto_group_internal_NativeMsm.h")
#include "org_evote_crypto_group_internal_NativeMsm.h"
#endif
#endif

typedef uint64_t u64;
typedef unsigned __int128 u128;

typedef struct {
  u64 v[4];
} fe;

typedef struct {
  fe x, y;
} affine;

typedef struct {
  fe x, y, z; /* z = 0: the point at infinity */
} jac;

static const u64 P[4] = {0xffffffffffffffffULL, 0x00000000ffffffffULL, 0x0000000000000000ULL,
                         0xffffffff00000001ULL};
/* R² mod p, for the conversion into Montgomery form. */
static const fe R2 = {{0x0000000000000003ULL, 0xfffffffbffffffffULL, 0xfffffffffffffffeULL,
                       0x00000004fffffffdULL}};
/* R mod p = 1 in Montgomery form. */
static const fe ONE = {{0x0000000000000001ULL, 0xffffffff00000000ULL, 0xffffffffffffffffULL,
                        0x00000000fffffffeULL}};
/* The curve's b, big-endian. */
static const unsigned char B_BYTES[32] = {
    0x5a, 0xc6, 0x35, 0xd8, 0xaa, 0x3a, 0x93, 0xe7, 0xb3, 0xeb, 0xbd, 0x55, 0x76, 0x98, 0x86, 0xbc,
    0x65, 0x1d, 0x06, 0xb0, 0xcc, 0x53, 0xb0, 0xf6, 0x3b, 0xce, 0x3c, 0x3e, 0x27, 0xd2, 0x60, 0x4b};

/* ---- field arithmetic; every result fully reduced to [0, p) ---- */

/* r = (t4·2^256 + t) mod p for a value < 2p. */
static inline void reduce_once(fe *r, u64 t0, u64 t1, u64 t2, u64 t3, u64 t4) {
  u128 d;
  u64 b, s0, s1, s2, s3;
  d = (u128)t0 - P[0];
  s0 = (u64)d;
  b = (u64)(d >> 64) & 1;
  d = (u128)t1 - P[1] - b;
  s1 = (u64)d;
  b = (u64)(d >> 64) & 1;
  d = (u128)t2 - P[2] - b;
  s2 = (u64)d;
  b = (u64)(d >> 64) & 1;
  d = (u128)t3 - P[3] - b;
  s3 = (u64)d;
  b = (u64)(d >> 64) & 1;
  d = (u128)t4 - b;
  b = (u64)(d >> 64) & 1; /* 1: the value was below p, keep it */
  u64 keep = (u64)0 - b;
  r->v[0] = (t0 & keep) | (s0 & ~keep);
  r->v[1] = (t1 & keep) | (s1 & ~keep);
  r->v[2] = (t2 & keep) | (s2 & ~keep);
  r->v[3] = (t3 & keep) | (s3 & ~keep);
}

/* r = a·b·R⁻¹ mod p (CIOS). */
static inline void fe_mul(fe *r, const fe *a, const fe *b) {
  u64 t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5;
  for (int i = 0; i < 4; i++) {
    u64 bi = b->v[i];
    u128 c;
    c = (u128)a->v[0] * bi + t0;
    t0 = (u64)c;
    c = (u128)a->v[1] * bi + t1 + (u64)(c >> 64);
    t1 = (u64)c;
    c = (u128)a->v[2] * bi + t2 + (u64)(c >> 64);
    t2 = (u64)c;
    c = (u128)a->v[3] * bi + t3 + (u64)(c >> 64);
    t3 = (u64)c;
    c = (u128)t4 + (u64)(c >> 64);
    t4 = (u64)c;
    t5 = (u64)(c >> 64);
    u64 m = t0; /* m = t0 · (−p⁻¹) mod 2^64, and −p⁻¹ ≡ 1 */
    c = (u128)m * P[0] + t0;
    c = (u128)m * P[1] + t1 + (u64)(c >> 64);
    t0 = (u64)c;
    c = (u128)t2 + (u64)(c >> 64); /* P[2] = 0 */
    t1 = (u64)c;
    c = (u128)m * P[3] + t3 + (u64)(c >> 64);
    t2 = (u64)c;
    c = (u128)t4 + (u64)(c >> 64);
    t3 = (u64)c;
    t4 = t5 + (u64)(c >> 64);
  }
  reduce_once(r, t0, t1, t2, t3, t4);
}

static inline void fe_sqr(fe *r, const fe *a) { fe_mul(r, a, a); }

static inline void fe_add(fe *r, const fe *a, const fe *b) {
  u128 c;
  u64 t0, t1, t2, t3;
  c = (u128)a->v[0] + b->v[0];
  t0 = (u64)c;
  c = (u128)a->v[1] + b->v[1] + (u64)(c >> 64);
  t1 = (u64)c;
  c = (u128)a->v[2] + b->v[2] + (u64)(c >> 64);
  t2 = (u64)c;
  c = (u128)a->v[3] + b->v[3] + (u64)(c >> 64);
  t3 = (u64)c;
  reduce_once(r, t0, t1, t2, t3, (u64)(c >> 64));
}

static inline void fe_sub(fe *r, const fe *a, const fe *b) {
  u128 d;
  u64 t0, t1, t2, t3, bw;
  d = (u128)a->v[0] - b->v[0];
  t0 = (u64)d;
  bw = (u64)(d >> 64) & 1;
  d = (u128)a->v[1] - b->v[1] - bw;
  t1 = (u64)d;
  bw = (u64)(d >> 64) & 1;
  d = (u128)a->v[2] - b->v[2] - bw;
  t2 = (u64)d;
  bw = (u64)(d >> 64) & 1;
  d = (u128)a->v[3] - b->v[3] - bw;
  t3 = (u64)d;
  bw = (u64)(d >> 64) & 1;
  u64 mask = (u64)0 - bw; /* add p back when a < b */
  u128 c;
  c = (u128)t0 + (P[0] & mask);
  r->v[0] = (u64)c;
  c = (u128)t1 + (P[1] & mask) + (u64)(c >> 64);
  r->v[1] = (u64)c;
  c = (u128)t2 + (P[2] & mask) + (u64)(c >> 64);
  r->v[2] = (u64)c;
  c = (u128)t3 + (P[3] & mask) + (u64)(c >> 64);
  r->v[3] = (u64)c;
}

static inline int fe_is_zero(const fe *a) { return (a->v[0] | a->v[1] | a->v[2] | a->v[3]) == 0; }

static inline int fe_eq(const fe *a, const fe *b) {
  return ((a->v[0] ^ b->v[0]) | (a->v[1] ^ b->v[1]) | (a->v[2] ^ b->v[2]) | (a->v[3] ^ b->v[3])) == 0;
}

/* r = a^(p−2) = a⁻¹ (a ≠ 0), by square-and-multiply. */
static void fe_inv(fe *r, const fe *a) {
  static const u64 E[4] = {0xfffffffffffffffdULL, 0x00000000ffffffffULL, 0x0000000000000000ULL,
                           0xffffffff00000001ULL};
  fe acc = ONE;
  for (int i = 255; i >= 0; i--) {
    fe_sqr(&acc, &acc);
    if ((E[i >> 6] >> (i & 63)) & 1) {
      fe_mul(&acc, &acc, a);
    }
  }
  *r = acc;
}

/* Big-endian 32 bytes → limbs; returns 0 if the value is not below p. */
static int fe_from_bytes(fe *r, const unsigned char *in) {
  for (int i = 0; i < 4; i++) {
    u64 w = 0;
    for (int j = 0; j < 8; j++) {
      w = (w << 8) | in[(3 - i) * 8 + j];
    }
    r->v[i] = w;
  }
  for (int i = 3; i >= 0; i--) {
    if (r->v[i] != P[i]) {
      return r->v[i] < P[i];
    }
  }
  return 0;
}

static void fe_to_bytes(unsigned char *out, const fe *a) {
  for (int i = 0; i < 4; i++) {
    u64 w = a->v[i];
    for (int j = 7; j >= 0; j--) {
      out[(3 - i) * 8 + j] = (unsigned char)w;
      w >>= 8;
    }
  }
}

static inline void to_mont(fe *r, const fe *a) { fe_mul(r, a, &R2); }

static inline void from_mont(fe *r, const fe *a) {
  static const fe one = {{1, 0, 0, 0}};
  fe_mul(r, a, &one);
}

/* ---- Jacobian points, a = −3 ---- */

static inline int jac_inf(const jac *p) { return fe_is_zero(&p->z); }

/* p := 2p (dbl-2001-b). P-256 has prime order, so y ≠ 0 for every finite point. */
static void jac_dbl(jac *p) {
  if (jac_inf(p)) {
    return;
  }
  fe delta, gamma, beta, alpha, t, u;
  fe_sqr(&delta, &p->z);
  fe_sqr(&gamma, &p->y);
  fe_mul(&beta, &p->x, &gamma);
  fe_sub(&t, &p->x, &delta);
  fe_add(&u, &p->x, &delta);
  fe_mul(&alpha, &t, &u);
  fe_add(&t, &alpha, &alpha);
  fe_add(&alpha, &t, &alpha);
  fe_add(&t, &p->y, &p->z);
  fe_sqr(&t, &t);
  fe_sub(&t, &t, &gamma);
  fe_sub(&p->z, &t, &delta);
  fe_add(&beta, &beta, &beta);
  fe_add(&beta, &beta, &beta); /* 4·beta */
  fe_sqr(&t, &alpha);
  fe_add(&u, &beta, &beta);
  fe_sub(&p->x, &t, &u);
  fe_sub(&t, &beta, &p->x);
  fe_mul(&t, &alpha, &t);
  fe_sqr(&u, &gamma);
  fe_add(&u, &u, &u);
  fe_add(&u, &u, &u);
  fe_add(&u, &u, &u);
  fe_sub(&p->y, &t, &u);
}

/* p := p + q for affine q (madd-2007-bl), with the doubling and cancellation cases. */
static void jac_add_affine(jac *p, const affine *q) {
  if (jac_inf(p)) {
    p->x = q->x;
    p->y = q->y;
    p->z = ONE;
    return;
  }
  fe z1z1, u2, s2, h, hh, i, j, r, v, t;
  fe_sqr(&z1z1, &p->z);
  fe_mul(&u2, &q->x, &z1z1);
  fe_mul(&s2, &q->y, &p->z);
  fe_mul(&s2, &s2, &z1z1);
  fe_sub(&h, &u2, &p->x);
  fe_sub(&r, &s2, &p->y);
  if (fe_is_zero(&h)) {
    if (fe_is_zero(&r)) {
      jac_dbl(p);
    } else {
      memset(&p->z, 0, sizeof(fe));
    }
    return;
  }
  fe_add(&r, &r, &r);
  fe_sqr(&hh, &h);
  fe_add(&i, &hh, &hh);
  fe_add(&i, &i, &i);
  fe_mul(&j, &h, &i);
  fe_mul(&v, &p->x, &i);
  fe_add(&t, &p->z, &h);
  fe_sqr(&t, &t);
  fe_sub(&t, &t, &z1z1);
  fe_sub(&p->z, &t, &hh);
  fe_sqr(&t, &r);
  fe_sub(&t, &t, &j);
  fe_sub(&t, &t, &v);
  fe_sub(&t, &t, &v);
  p->x = t;
  fe_sub(&t, &v, &p->x);
  fe_mul(&t, &r, &t);
  fe_mul(&j, &p->y, &j);
  fe_add(&j, &j, &j);
  fe_sub(&p->y, &t, &j);
}

/* p := p + q (add-2007-bl), with the doubling and cancellation cases. */
static void jac_add(jac *p, const jac *q) {
  if (jac_inf(q)) {
    return;
  }
  if (jac_inf(p)) {
    *p = *q;
    return;
  }
  fe z1z1, z2z2, u1, u2, s1, s2, h, i, j, r, v, t;
  fe_sqr(&z1z1, &p->z);
  fe_sqr(&z2z2, &q->z);
  fe_mul(&u1, &p->x, &z2z2);
  fe_mul(&u2, &q->x, &z1z1);
  fe_mul(&s1, &p->y, &q->z);
  fe_mul(&s1, &s1, &z2z2);
  fe_mul(&s2, &q->y, &p->z);
  fe_mul(&s2, &s2, &z1z1);
  fe_sub(&h, &u2, &u1);
  fe_sub(&r, &s2, &s1);
  if (fe_is_zero(&h)) {
    if (fe_is_zero(&r)) {
      jac_dbl(p);
    } else {
      memset(&p->z, 0, sizeof(fe));
    }
    return;
  }
  fe_add(&r, &r, &r);
  fe_add(&i, &h, &h);
  fe_sqr(&i, &i);
  fe_mul(&j, &h, &i);
  fe_mul(&v, &u1, &i);
  fe_add(&t, &p->z, &q->z);
  fe_sqr(&t, &t);
  fe_sub(&t, &t, &z1z1);
  fe_sub(&t, &t, &z2z2);
  fe_mul(&p->z, &t, &h);
  fe_sqr(&t, &r);
  fe_sub(&t, &t, &j);
  fe_sub(&t, &t, &v);
  fe_sub(&t, &t, &v);
  p->x = t;
  fe_sub(&t, &v, &p->x);
  fe_mul(&t, &r, &t);
  fe_mul(&j, &s1, &j);
  fe_add(&j, &j, &j);
  fe_sub(&p->y, &t, &j);
}

/* ---- the multi-scalar multiplication ---- */

/* The window width c that minimizes a rough cost: W(c) windows of n affine additions (≈ 6 multiplications each)
 * plus 2^(c−1) buckets combined in Jacobian coordinates (≈ 27). */
static int choose_window(size_t n) {
  int best = 2;
  double best_cost = 1e300;
  for (int c = 2; c <= 15; c++) {
    double w = (double)((257 + c - 1) / c);
    double cost = w * ((double)n * 6.0 + (double)(1u << (c - 1)) * 27.0);
    if (cost < best_cost) {
      best_cost = cost;
      best = c;
    }
  }
  return best;
}

/* Bits [pos, pos + c) of the 256-bit little-endian scalar k (zero beyond bit 255). */
static inline unsigned bits_at(const u64 k[4], int pos, int c) {
  if (pos >= 256) {
    return 0;
  }
  int idx = pos >> 6, sh = pos & 63;
  u64 v = k[idx] >> sh;
  if (sh + c > 64 && idx + 1 < 4) {
    v |= k[idx + 1] << (64 - sh);
  }
  return (unsigned)(v & ((1u << c) - 1));
}

/*
 * Sums the items (sorted by bucket, bk[i] the bucket of item i) so that each bucket keeps at most one item: rounds of
 * pairwise additions of neighbouring items of one bucket, each round sharing one inversion. Returns the number of
 * items left (still sorted by bucket). P + P doubles; P + (−P) removes both.
 */
static size_t reduce_buckets(affine *it, int32_t *bk, size_t m, fe *prefix, uint32_t *pairs) {
  for (;;) {
    size_t np = 0, dead = 0;
    fe acc = ONE;
    for (size_t i = 0; i + 1 < m;) {
      if (bk[i] != bk[i + 1]) {
        i++;
        continue;
      }
      fe d;
      fe_sub(&d, &it[i + 1].x, &it[i].x);
      if (fe_is_zero(&d)) {
        if (!fe_eq(&it[i].y, &it[i + 1].y)) {
          bk[i] = -1; /* P + (−P) = O */
          bk[i + 1] = -1;
          dead += 2;
          i += 2;
          continue;
        }
        fe_add(&d, &it[i].y, &it[i].y); /* doubling: the denominator is 2y, never 0 on P-256 */
      }
      prefix[np] = acc;
      fe_mul(&acc, &acc, &d);
      pairs[np++] = (uint32_t)i;
      i += 2;
    }
    if (np == 0 && dead == 0) {
      return m;
    }
    if (np > 0) {
      fe inv;
      fe_inv(&inv, &acc);
      for (size_t k = np; k-- > 0;) {
        size_t i = pairs[k];
        affine *a = &it[i], *b = &it[i + 1];
        fe d, dinv, lam, x3, y3;
        fe_sub(&d, &b->x, &a->x);
        int dbl = fe_is_zero(&d);
        if (dbl) {
          fe_add(&d, &a->y, &a->y);
        }
        fe_mul(&dinv, &inv, &prefix[k]);
        fe_mul(&inv, &inv, &d);
        if (dbl) {
          fe_sqr(&lam, &a->x); /* λ = 3(x² − 1) / 2y, as a = −3 */
          fe_sub(&lam, &lam, &ONE);
          fe_add(&d, &lam, &lam);
          fe_add(&lam, &d, &lam);
        } else {
          fe_sub(&lam, &b->y, &a->y);
        }
        fe_mul(&lam, &lam, &dinv);
        fe_sqr(&x3, &lam);
        fe_sub(&x3, &x3, &a->x);
        fe_sub(&x3, &x3, &b->x);
        fe_sub(&y3, &a->x, &x3);
        fe_mul(&y3, &lam, &y3);
        fe_sub(&y3, &y3, &a->y);
        a->x = x3;
        a->y = y3;
        bk[i + 1] = -1;
      }
    }
    size_t j = 0;
    for (size_t i = 0; i < m; i++) {
      if (bk[i] >= 0) {
        if (j != i) {
          it[j] = it[i];
          bk[j] = bk[i];
        }
        j++;
      }
    }
    m = j;
  }
}

/*
 * Σ k_i·P_i for n ≥ 1 points (64 bytes each: x ‖ y, big-endian, affine, on the curve) and scalars (32 bytes each,
 * big-endian, any value below 2^256). Returns 1 and the affine sum in out (x ‖ y), 0 for the point at infinity,
 * -1 if memory ran out, -2 if a coordinate is not below p or a point is not on the curve.
 */
static int msm_window(const unsigned char *pts, const unsigned char *scs, size_t n, int c, unsigned char *out) {
  const int W = (257 + c - 1) / c;
  const size_t B = (size_t)1 << (c - 1);
  size_t wc = n >= 65536 ? 1 : 65536 / n;
  if (wc > (size_t)W) {
    wc = (size_t)W;
  }
  const size_t cap = wc * n;
  const size_t nb = wc * B;
  int rc = -1;
  affine *pt = malloc(n * sizeof(affine));
  int16_t *dg = malloc(n * (size_t)W * sizeof(int16_t));
  affine *it = malloc(cap * sizeof(affine));
  int32_t *bk = malloc(cap * sizeof(int32_t));
  fe *prefix = malloc((cap / 2 + 1) * sizeof(fe));
  uint32_t *pairs = malloc((cap / 2 + 1) * sizeof(uint32_t));
  size_t *cnt = malloc((nb + 1) * sizeof(size_t));
  int32_t *slot = malloc(nb * sizeof(int32_t));
  jac *ws = malloc((size_t)W * sizeof(jac));
  if (!pt || !dg || !it || !bk || !prefix || !pairs || !cnt || !slot || !ws) {
    goto done;
  }
  fe b, zero;
  memset(&zero, 0, sizeof zero);
  fe_from_bytes(&b, B_BYTES);
  to_mont(&b, &b);
  for (size_t i = 0; i < n; i++) {
    fe x, y, lhs, rhs, t;
    if (!fe_from_bytes(&x, pts + 64 * i) || !fe_from_bytes(&y, pts + 64 * i + 32)) {
      rc = -2;
      goto done;
    }
    to_mont(&pt[i].x, &x);
    to_mont(&pt[i].y, &y);
    fe_sqr(&lhs, &pt[i].y); /* y² = x³ − 3x + b */
    fe_sqr(&rhs, &pt[i].x);
    fe_mul(&rhs, &rhs, &pt[i].x);
    fe_add(&t, &pt[i].x, &pt[i].x);
    fe_add(&t, &t, &pt[i].x);
    fe_sub(&rhs, &rhs, &t);
    fe_add(&rhs, &rhs, &b);
    if (!fe_eq(&lhs, &rhs)) {
      rc = -2;
      goto done;
    }
    u64 k[4];
    const unsigned char *s = scs + 32 * i;
    for (int l = 0; l < 4; l++) {
      u64 v = 0;
      for (int j = 0; j < 8; j++) {
        v = (v << 8) | s[(3 - l) * 8 + j];
      }
      k[l] = v;
    }
    unsigned carry = 0;
    for (int w = 0; w < W; w++) {
      int v = (int)(bits_at(k, w * c, c) + carry);
      if (v > (int)B) {
        v -= (int)(2 * B);
        carry = 1;
      } else {
        carry = 0;
      }
      dg[i * (size_t)W + w] = (int16_t)v;
    }
  }
  for (size_t w0 = 0; w0 < (size_t)W; w0 += wc) {
    size_t w1 = w0 + wc < (size_t)W ? w0 + wc : (size_t)W;
    memset(cnt, 0, (nb + 1) * sizeof(size_t));
    for (size_t i = 0; i < n; i++) {
      const int16_t *di = dg + i * (size_t)W;
      for (size_t w = w0; w < w1; w++) {
        int d = di[w];
        if (d != 0) {
          cnt[(w - w0) * B + (size_t)(d < 0 ? -d : d)]++;
        }
      }
    }
    for (size_t q = 1; q <= nb; q++) {
      cnt[q] += cnt[q - 1];
    }
    size_t m = cnt[nb];
    for (size_t i = 0; i < n; i++) {
      const int16_t *di = dg + i * (size_t)W;
      for (size_t w = w0; w < w1; w++) {
        int d = di[w];
        if (d == 0) {
          continue;
        }
        size_t q = (w - w0) * B + (size_t)(d < 0 ? -d : d) - 1;
        size_t at = cnt[q]++;
        it[at].x = pt[i].x;
        if (d > 0) {
          it[at].y = pt[i].y;
        } else {
          fe_sub(&it[at].y, &zero, &pt[i].y);
        }
        bk[at] = (int32_t)q;
      }
    }
    m = reduce_buckets(it, bk, m, prefix, pairs);
    for (size_t q = 0; q < nb; q++) {
      slot[q] = -1;
    }
    for (size_t i = 0; i < m; i++) {
      slot[bk[i]] = (int32_t)i;
    }
    for (size_t w = w0; w < w1; w++) {
      jac running, sum;
      memset(&running, 0, sizeof running);
      memset(&sum, 0, sizeof sum);
      for (size_t q = B; q-- > 0;) {
        int32_t s = slot[(w - w0) * B + q];
        if (s >= 0) {
          jac_add_affine(&running, &it[s]);
        }
        jac_add(&sum, &running);
      }
      ws[w] = sum;
    }
  }
  jac r;
  memset(&r, 0, sizeof r);
  for (int w = W - 1; w >= 0; w--) {
    for (int j = 0; j < c; j++) {
      jac_dbl(&r);
    }
    jac_add(&r, &ws[w]);
  }
  if (jac_inf(&r)) {
    rc = 0;
    goto done;
  }
  {
    fe zi, zi2, x, y;
    fe_inv(&zi, &r.z);
    fe_sqr(&zi2, &zi);
    fe_mul(&x, &r.x, &zi2);
    fe_mul(&zi2, &zi2, &zi);
    fe_mul(&y, &r.y, &zi2);
    from_mont(&x, &x);
    from_mont(&y, &y);
    fe_to_bytes(out, &x);
    fe_to_bytes(out + 32, &y);
    rc = 1;
  }
done:
  free(pt);
  free(dg);
  free(it);
  free(bk);
  free(prefix);
  free(pairs);
  free(cnt);
  free(slot);
  free(ws);
  return rc;
}

static int msm(const unsigned char *pts, const unsigned char *scs, size_t n, unsigned char *out) {
  return msm_window(pts, scs, n, choose_window(n), out);
}

/*
 * NativeMsm.sum0(byte[] points, byte[] scalars, int n, byte[] out): the whole MSM in one call. Returns as msm(),
 * or -3 if n or an array length does not fit (the Java side checks them first; this is a second line).
 */
JNIEXPORT jint JNICALL Java_org_evote_crypto_group_internal_NativeMsm_sum0(JNIEnv *env, jclass cls,
                                                                            jbyteArray points, jbyteArray scalars,
                                                                            jint n, jbyteArray out) {
  (void)cls;
  if (n <= 0 || points == NULL || scalars == NULL || out == NULL) {
    return -3;
  }
  size_t sn = (size_t)n;
  if ((size_t)(*env)->GetArrayLength(env, points) != 64 * sn ||
      (size_t)(*env)->GetArrayLength(env, scalars) != 32 * sn || (*env)->GetArrayLength(env, out) != 64) {
    return -3;
  }
  unsigned char *pb = malloc(64 * sn);
  unsigned char *sb = malloc(32 * sn);
  unsigned char result[64];
  jint rc = -1;
  if (pb && sb) {
    (*env)->GetByteArrayRegion(env, points, 0, (jsize)(64 * sn), (jbyte *)pb);
    (*env)->GetByteArrayRegion(env, scalars, 0, (jsize)(32 * sn), (jbyte *)sb);
    rc = msm(pb, sb, sn, result);
    if (rc == 1) {
      (*env)->SetByteArrayRegion(env, out, 0, 64, (const jbyte *)result);
    }
  }
  free(pb);
  free(sb);
  return rc;
}
