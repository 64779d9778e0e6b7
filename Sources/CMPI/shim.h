// Accessors for MPI's predefined handles. Open MPI defines MPI_COMM_WORLD,
// MPI_DOUBLE and friends as macros over global structs, which Swift cannot
// import; each is wrapped in a function here.
#ifndef POOLSIM_CMPI_SHIM_H
#define POOLSIM_CMPI_SHIM_H

#include <mpi.h>

static inline MPI_Comm poolsim_mpi_comm_world(void) { return MPI_COMM_WORLD; }
static inline MPI_Datatype poolsim_mpi_double(void) { return MPI_DOUBLE; }
static inline MPI_Datatype poolsim_mpi_int(void) { return MPI_INT; }
static inline MPI_Datatype poolsim_mpi_long_long(void) { return MPI_LONG_LONG; }
static inline MPI_Op poolsim_mpi_sum(void) { return MPI_SUM; }
static inline MPI_Op poolsim_mpi_max(void) { return MPI_MAX; }
static inline MPI_Op poolsim_mpi_min(void) { return MPI_MIN; }
static inline void *poolsim_mpi_in_place(void) { return MPI_IN_PLACE; }
static inline int poolsim_mpi_thread_funneled(void) { return MPI_THREAD_FUNNELED; }

#endif
