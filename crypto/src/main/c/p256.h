/*
 * P-256 field and point arithmetic for the native MSM (evotemsm.c): 4×64-bit limbs, Montgomery multiplication mod p
 * with unsigned __int128 (R = 2^256; −p⁻¹ mod 2^64 = 1), Jacobian points with a = −3. Not constant-time: for
 * public data only. Everything is static: no global mutable state.
 */
#ifndef EVOTE_P256_H
#define EVOTE_P256_H

#include <stdint.h>
#include <string.h>

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

#endif
