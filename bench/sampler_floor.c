/* The grouped sampler's core, straight in C on GSL: what PoolSim's sampler
 * costs without Swift, settlement or recording, against the draws alone.
 *
 * A trial: per year, 1 + 4 + 6 standard normals (global, sector and bank
 * factors); per group (a bank and sector, n loans, PD p) the conditional
 * probability q = Φ((Φ⁻¹(p) − systematic) / √(1 − ρ)), then geometric gaps
 * ⌊ln U / ln(1 − q)⌋ through its n loans, then per default a Beta LGD and a
 * uniform time — the algorithm of Sources/PoolSimCore/DefaultSampling.swift.
 * The draws-only loop then draws as many variates of each kind per trial and
 * nothing else, as `poolsim draws` does.
 *
 * usage: sampler_floor YEARS GROUPS LOANS_PER_GROUP PD BETA_A BETA_B TRIALS
 * (BETA_A = 0: a fixed LGD, no Beta draw). Prints JSON.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

typedef struct { long loan; long year; double lgd; double time; } Event;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc != 8) {
        fprintf(stderr, "usage: %s YEARS GROUPS LOANS_PER_GROUP PD BETA_A BETA_B TRIALS\n", argv[0]);
        return 64;
    }
    const int years = atoi(argv[1]), groups = atoi(argv[2]), n = atoi(argv[3]);
    const double pd = atof(argv[4]), a = atof(argv[5]), b = atof(argv[6]);
    const long trials = atol(argv[7]);
    const int sectors = 4, banks = 6, factors = 1 + sectors + banks;
    const double loadG = sqrt(0.06), loadS = sqrt(0.04), loadB = sqrt(0.02), loadE = sqrt(0.88);
    const double threshold = gsl_cdf_ugaussian_Pinv(pd);
    gsl_rng *factorStream = gsl_rng_alloc(gsl_rng_mt19937), *defaultStream = gsl_rng_alloc(gsl_rng_mt19937);
    int *candidates = malloc(sizeof(int) * (size_t)years * groups * n);
    Event *events = malloc(sizeof(Event) * (size_t)years * groups * n);
    double *z = malloc(sizeof(double) * factors), *q = malloc(sizeof(double) * groups);
    for (long i = 0; i < (long)years * groups * n; i++) candidates[i] = (int)i;
    long defaults = 0, gaps = 0;
    double sink = 0;

    double started = now();
    for (long k = 0; k < trials; k++) {
        long count = 0;
        for (int t = 0; t < years; t++) {
            for (int j = 0; j < factors; j++) z[j] = gsl_ran_gaussian_ziggurat(factorStream, 1);
            for (int g = 0; g < groups; g++) {
                double systematic = loadG * z[0] + loadS * z[1 + g % sectors] + loadB * z[1 + sectors + g % banks];
                q[g] = gsl_cdf_ugaussian_P((threshold - systematic) / loadE);
            }
            for (int g = 0; g < groups; g++) {
                const double perLogUniform = 1 / log1p(-q[g]);
                const long first = count;
                long position = -1;
                for (;;) {
                    double gap = log(gsl_rng_uniform_pos(defaultStream)) * perLogUniform;
                    gaps++;
                    if (gap >= (double)(n - position - 1)) break;
                    position += (long)gap + 1;
                    events[count].loan = candidates[((long)t * groups + g) * n + position];
                    events[count].year = t + 1;
                    count++;
                }
                for (long e = first; e < count; e++) {
                    double lgd = a > 0 ? gsl_ran_beta(defaultStream, a, b) : 0.6;
                    events[e].lgd = lgd < 0 ? 0 : lgd > 1 ? 1 : lgd;
                    events[e].time = gsl_rng_uniform(defaultStream);
                }
            }
        }
        defaults += count;
        if (count > 0) sink += events[count - 1].lgd;
    }
    const double sampler = now() - started;

    const long gapsPerTrial = gaps / trials, defaultsPerTrial = defaults / trials;
    started = now();
    for (long k = 0; k < trials; k++) {
        for (int j = 0; j < years * factors; j++) sink += gsl_ran_gaussian_ziggurat(factorStream, 1);
        for (long j = 0; j < gapsPerTrial; j++) sink += log(gsl_rng_uniform_pos(defaultStream));
        for (long j = 0; j < defaultsPerTrial; j++) {
            if (a > 0) sink += gsl_ran_beta(defaultStream, a, b);
            sink += gsl_rng_uniform(defaultStream);
        }
    }
    const double draws = now() - started;

    printf("{\"trials\": %ld, \"sampler_seconds\": %.6f, \"draws_seconds\": %.6f, "
           "\"defaults_per_trial\": %.2f, \"gaps_per_trial\": %.2f, \"sink\": %g}\n",
           trials, sampler, draws, (double)defaults / trials, (double)gaps / trials, sink);
    free(candidates); free(events); free(z); free(q);
    gsl_rng_free(factorStream); gsl_rng_free(defaultStream);
    return 0;
}
