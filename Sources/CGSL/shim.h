// Accessors for GSL's global generator-type pointers. Swift 6 refuses to read
// mutable C globals from concurrent code, so each is wrapped in a function.
#ifndef POOLSIM_CGSL_SHIM_H
#define POOLSIM_CGSL_SHIM_H

#include <gsl/gsl_version.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_roots.h>

static inline const gsl_rng_type *poolsim_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *poolsim_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *poolsim_rng_ranlxd1(void) { return gsl_rng_ranlxd1; }
static inline const gsl_rng_type *poolsim_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *poolsim_rng_ranlxs2(void) { return gsl_rng_ranlxs2; }
static inline const gsl_rng_type *poolsim_rng_ranlux389(void) { return gsl_rng_ranlux389; }
static inline const gsl_rng_type *poolsim_rng_gfsr4(void) { return gsl_rng_gfsr4; }
static inline const gsl_rng_type *poolsim_rng_mrg(void) { return gsl_rng_mrg; }
static inline const gsl_rng_type *poolsim_rng_cmrg(void) { return gsl_rng_cmrg; }

static inline const char *poolsim_gsl_version(void) { return gsl_version; }

static inline const gsl_integration_fixed_type *poolsim_integration_hermite(void) { return gsl_integration_fixed_hermite; }
static inline const gsl_multimin_fminimizer_type *poolsim_multimin_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }
static inline const gsl_root_fsolver_type *poolsim_root_brent(void) { return gsl_root_fsolver_brent; }

#endif
