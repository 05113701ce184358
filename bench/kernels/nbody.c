// SPDX-License-Identifier: GPL-3.0-or-later
// Native reference for the kernel nbody.py: the same n-body simulation (the
// Sun and four planets, n steps with dt = 0.01, bodies as records in an
// array), hand-written in C and compiled with `cc -O2`. Usage: nbody N.
// Prints the energy after the last step with 9 decimals.

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define PI 3.141592653589793
#define SOLAR_MASS (4.0 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define DT 0.01

typedef struct {
    double x, y, z;
    double vx, vy, vz;
    double mass;
} Body;

#define COUNT 5

static void make_bodies(Body *bodies)
{
    bodies[0] = (Body){0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS};
    bodies[1] = (Body){
        4.84143144246472090e+00,
        -1.16032004402742839e+00,
        -1.03622044471123109e-01,
        1.66007664274403694e-03 * DAYS_PER_YEAR,
        7.69901118419740425e-03 * DAYS_PER_YEAR,
        -6.90460016972063023e-05 * DAYS_PER_YEAR,
        9.54791938424326609e-04 * SOLAR_MASS,
    };
    bodies[2] = (Body){
        8.34336671824457987e+00,
        4.12479856412430479e+00,
        -4.03523417114321381e-01,
        -2.76742510726862411e-03 * DAYS_PER_YEAR,
        4.99852801234917238e-03 * DAYS_PER_YEAR,
        2.30417297573763929e-05 * DAYS_PER_YEAR,
        2.85885980666130812e-04 * SOLAR_MASS,
    };
    bodies[3] = (Body){
        1.28943695621391310e+01,
        -1.51111514016986312e+01,
        -2.23307578892655734e-01,
        2.96460137564761618e-03 * DAYS_PER_YEAR,
        2.37847173959480950e-03 * DAYS_PER_YEAR,
        -2.96589568540237556e-05 * DAYS_PER_YEAR,
        4.36624404335156298e-05 * SOLAR_MASS,
    };
    bodies[4] = (Body){
        1.53796971148509165e+01,
        -2.59193146099879641e+01,
        1.79258772950371181e-01,
        2.68067772490389322e-03 * DAYS_PER_YEAR,
        1.62824170038242295e-03 * DAYS_PER_YEAR,
        -9.51592254519715870e-05 * DAYS_PER_YEAR,
        5.15138902046611451e-05 * SOLAR_MASS,
    };
}

static void offset_momentum(Body *bodies, int count)
{
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < count; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    Body *sun = &bodies[0];
    sun->vx = -px / SOLAR_MASS;
    sun->vy = -py / SOLAR_MASS;
    sun->vz = -pz / SOLAR_MASS;
}

static double energy(const Body *bodies, int count)
{
    double e = 0.0;
    for (int i = 0; i < count; i++) {
        const Body *a = &bodies[i];
        e += 0.5 * a->mass * (a->vx * a->vx + a->vy * a->vy + a->vz * a->vz);
        for (int j = i + 1; j < count; j++) {
            const Body *b = &bodies[j];
            double dx = a->x - b->x;
            double dy = a->y - b->y;
            double dz = a->z - b->z;
            e -= a->mass * b->mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(Body *bodies, int count, long steps)
{
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < count; i++) {
            Body *a = &bodies[i];
            for (int j = i + 1; j < count; j++) {
                Body *b = &bodies[j];
                double dx = a->x - b->x;
                double dy = a->y - b->y;
                double dz = a->z - b->z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = DT / (d2 * sqrt(d2));
                double bm = b->mass * mag;
                double am = a->mass * mag;
                a->vx -= dx * bm;
                a->vy -= dy * bm;
                a->vz -= dz * bm;
                b->vx += dx * am;
                b->vy += dy * am;
                b->vz += dz * am;
            }
        }
        for (int i = 0; i < count; i++) {
            Body *body = &bodies[i];
            body->x += DT * body->vx;
            body->y += DT * body->vy;
            body->z += DT * body->vz;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s N\n", argv[0]);
        return 2;
    }
    long n = strtol(argv[1], NULL, 10);
    Body bodies[COUNT];
    make_bodies(bodies);
    offset_momentum(bodies, COUNT);
    advance(bodies, COUNT, n);
    printf("%.9f\n", energy(bodies, COUNT));
    return 0;
}
