/*
 * Native multi-scalar multiplication on P-256 for the verifier (docs/architecture.md, "Native MSM").
 *
 * Σ k_i·P_i over PUBLIC data only: the code is not constant-time (it branches on digits and on point equality).
 * Field and points: p256.h (4×64-bit limbs, Montgomery multiplication mod p with unsigned __int128).
 * MSM: below 16 terms Straus (interleaved width-5 NAF over affine tables of odd multiples); from 16 Pippenger
 * with signed digits; each window's buckets are summed by rounds of pairwise affine additions
 * that share one field inversion per round (Montgomery's trick), several windows at a time; bucket sums are
 * combined in Jacobian coordinates. Thread-safe: no global mutable state, all scratch memory is per call.
 *
 * One JNI entry point, called once per MSM (see NativeMsm.java for the Java side and its input checks).
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "p256.h"

/* javac -h writes this header (crypto's native profile); it checks the signature below. An incremental build may
 * not rewrite it (classes compiled before without -h), so it is optional: the loader's self-test calls the function
 * anyway, and NativeMsmLoadTest fails if it is missing. */
#if defined(__has_include)
#if __has_include("org_evote_crypto_group_internal_NativeMsm.h")
#include "org_evote_crypto_group_internal_NativeMsm.h"
#endif
#endif

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

/* Pippenger: r = Σ k_i·P_i with window width c. Returns 0, or -1 if memory ran out. */
static int pippenger(const affine *pt, const u64 (*ks)[4], size_t n, int c, jac *r) {
  const int W = (257 + c - 1) / c;
  const size_t B = (size_t)1 << (c - 1);
  size_t wc = n >= 65536 ? 1 : 65536 / n;
  if (wc > (size_t)W) {
    wc = (size_t)W;
  }
  const size_t cap = wc * n;
  const size_t nb = wc * B;
  int rc = -1;
  int16_t *dg = malloc(n * (size_t)W * sizeof(int16_t));
  affine *it = malloc(cap * sizeof(affine));
  int32_t *bk = malloc(cap * sizeof(int32_t));
  fe *prefix = malloc((cap / 2 + 1) * sizeof(fe));
  uint32_t *pairs = malloc((cap / 2 + 1) * sizeof(uint32_t));
  size_t *cnt = malloc((nb + 1) * sizeof(size_t));
  int32_t *slot = malloc(nb * sizeof(int32_t));
  jac *ws = malloc((size_t)W * sizeof(jac));
  if (!dg || !it || !bk || !prefix || !pairs || !cnt || !slot || !ws) {
    goto done;
  }
  fe zero;
  memset(&zero, 0, sizeof zero);
  for (size_t i = 0; i < n; i++) {
    unsigned carry = 0;
    for (int w = 0; w < W; w++) {
      int v = (int)(bits_at(ks[i], w * c, c) + carry);
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
  memset(r, 0, sizeof *r);
  for (int w = W - 1; w >= 0; w--) {
    for (int j = 0; j < c; j++) {
      jac_dbl(r);
    }
    jac_add(r, &ws[w]);
  }
  rc = 0;
done:
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

/* Width-5 NAF of k: d[i] odd in [−15, 15] or 0, k = Σ d[i]·2^i; returns the length (at most 257). */
static int wnaf5(int8_t d[258], const u64 k[4]) {
  u64 t[5] = {k[0], k[1], k[2], k[3], 0};
  int len = 0;
  memset(d, 0, 258);
  for (int i = 0; i < 258 && (t[0] | t[1] | t[2] | t[3] | t[4]); i++) {
    if (t[0] & 1) {
      int v = (int)(t[0] & 31);
      if (v >= 16) {
        v -= 32;
      }
      d[i] = (int8_t)v;
      if (v > 0) { /* t −= v */
        u64 bw = t[0] < (u64)v;
        t[0] -= (u64)v;
        for (int l = 1; l < 5 && bw; l++) {
          bw = t[l] == 0;
          t[l]--;
        }
      } else { /* t += −v */
        u64 cy = (t[0] += (u64)(-v)) < (u64)(-v);
        for (int l = 1; l < 5 && cy; l++) {
          cy = ++t[l] == 0;
        }
      }
      len = i + 1;
    }
    for (int l = 0; l < 4; l++) {
      t[l] = (t[l] >> 1) | (t[l + 1] << 63);
    }
    t[4] >>= 1;
  }
  return len;
}

/*
 * Straus (interleaved wNAF) for short sums: per point the affine odd multiples P, 3P, …, 15P (one inversion for
 * all), then one doubling per bit and a mixed addition per nonzero digit. r = Σ k_i·P_i; 0, or -1 without memory.
 */
static int straus(const affine *pt, const u64 (*ks)[4], size_t n, jac *r) {
  int rc = -1;
  jac *tj = malloc(n * 8 * sizeof(jac));
  affine *tab = malloc(n * 8 * sizeof(affine));
  fe *prefix = malloc(n * 8 * sizeof(fe));
  int8_t *dg = malloc(n * 258);
  if (!tj || !tab || !prefix || !dg) {
    goto done;
  }
  int len = 0;
  for (size_t i = 0; i < n; i++) {
    int l = wnaf5(dg + 258 * i, ks[i]);
    len = l > len ? l : len;
    jac p2 = {pt[i].x, pt[i].y, ONE};
    jac_dbl(&p2);
    jac *t = tj + 8 * i;
    t[0].x = pt[i].x;
    t[0].y = pt[i].y;
    t[0].z = ONE;
    for (int j = 1; j < 8; j++) {
      t[j] = t[j - 1];
      jac_add(&t[j], &p2); /* (2j+1)·P ≠ O: the order q is far above 15 */
    }
  }
  fe acc = ONE, inv;
  for (size_t j = 0; j < 8 * n; j++) {
    prefix[j] = acc;
    fe_mul(&acc, &acc, &tj[j].z);
  }
  fe_inv(&inv, &acc);
  for (size_t j = 8 * n; j-- > 0;) {
    fe zi, zi2;
    fe_mul(&zi, &inv, &prefix[j]);
    fe_mul(&inv, &inv, &tj[j].z);
    fe_sqr(&zi2, &zi);
    fe_mul(&tab[j].x, &tj[j].x, &zi2);
    fe_mul(&zi2, &zi2, &zi);
    fe_mul(&tab[j].y, &tj[j].y, &zi2);
  }
  fe zero;
  memset(&zero, 0, sizeof zero);
  memset(r, 0, sizeof *r);
  for (int b = len - 1; b >= 0; b--) {
    jac_dbl(r);
    for (size_t i = 0; i < n; i++) {
      int d = dg[258 * i + b];
      if (d > 0) {
        jac_add_affine(r, &tab[8 * i + (d >> 1)]);
      } else if (d < 0) {
        affine q = tab[8 * i + ((-d) >> 1)];
        fe_sub(&q.y, &zero, &q.y);
        jac_add_affine(r, &q);
      }
    }
  }
  rc = 0;
done:
  free(tj);
  free(tab);
  free(prefix);
  free(dg);
  return rc;
}

/* Below this many terms Straus needs fewer operations than Pippenger. */
#define STRAUS_BELOW 16

/*
 * Σ k_i·P_i for n ≥ 1 points (64 bytes each: x ‖ y, big-endian, affine, on the curve) and scalars (32 bytes each,
 * big-endian, any value below 2^256); c = 0 chooses the algorithm and window, c > 0 forces Pippenger with window
 * c (for measurements). Returns 1 and the affine sum in out (x ‖ y), 0 for the point at infinity, -1 if memory ran
 * out, -2 if a coordinate is not below p or a point is not on the curve.
 */
static int msm_window(const unsigned char *pts, const unsigned char *scs, size_t n, int c, unsigned char *out) {
  int rc = -1;
  affine *pt = malloc(n * sizeof(affine));
  u64 (*ks)[4] = malloc(n * sizeof *ks);
  if (!pt || !ks) {
    goto done;
  }
  fe b;
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
    const unsigned char *s = scs + 32 * i;
    for (int l = 0; l < 4; l++) {
      u64 v = 0;
      for (int j = 0; j < 8; j++) {
        v = (v << 8) | s[(3 - l) * 8 + j];
      }
      ks[i][l] = v;
    }
  }
  jac r;
  if (c == 0 && n < STRAUS_BELOW) {
    rc = straus(pt, (const u64(*)[4])ks, n, &r);
  } else {
    rc = pippenger(pt, (const u64(*)[4])ks, n, c == 0 ? choose_window(n) : c, &r);
  }
  if (rc < 0) {
    goto done;
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
  free(ks);
  return rc;
}

static int msm(const unsigned char *pts, const unsigned char *scs, size_t n, unsigned char *out) {
  return msm_window(pts, scs, n, 0, out);
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
