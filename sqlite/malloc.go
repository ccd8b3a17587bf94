package sqlite

/*
#include <stdlib.h> // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// keepFreedHeap raises glibc's trim threshold from 128 KiB to 1 MiB, and
// its mmap threshold with it (see init below).
static int keepFreedHeap(void) {
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
	return mallopt(M_TRIM_THRESHOLD, 1 << 20) && mallopt(M_MMAP_THRESHOLD, 1 << 20);
#else
	return 1;
#endif
}

// noBulkPageCache turns off the page-cache memory every new connection
// allocates up front (see init below). SQLite's own sqlite3_config, called
// before its first use; 7 is SQLITE_CONFIG_PAGECACHE.
extern int sqlite3_config(int, ...);
static int noBulkPageCache(void) {
	return sqlite3_config(7, (void*)0, 0, 0);
}
*/
import "C"

// init keeps the C heap that SQLite frees for its next allocations.
//
// SQLite allocates and frees page-cache and statement-journal memory in
// almost every transaction (a connection's page cache after another
// connection wrote, each ephemeral table, each statement journal). cgo
// calls run on many threads, so glibc serves them from per-thread arenas,
// and by default it hands the free top of an arena back to the kernel
// (madvise) as soon as it exceeds 128 KiB; the next transaction page-faults
// the same memory in again. In a virtual machine a page fault costs tens of
// microseconds: a 30-cluster lab took 41 000 minor faults to start (6 300
// with this), most of its start-up time. A 1 MiB threshold stops that
// churn; each arena keeps at most 1 MiB of free memory.
//
// Setting a threshold turns off glibc's adjustment of its mmap threshold,
// which would otherwise rise above the size of a freed block: every block
// of 128 KiB or more would get fresh pages from mmap and fault them in,
// as Restore's copy of a snapshot does (a 152 KiB snapshot: 38 faults,
// most of the time it took to check it). Blocks up to 1 MiB now come from
// the heap.
//
// It also stops every new connection from allocating, and touching, page
// cache for 20 pages up front (SQLITE_DEFAULT_PCACHE_INITSZ): a lab cluster
// opens a writer and a reader connection on a database a few dozen pages
// long, most of which a reader never caches. Pages are then allocated as
// they are first cached and reused as before. A 30-cluster lab's VmRSS went
// from 39.8–40.8 MiB to 37.2–37.3 MiB.
func init() {
	C.keepFreedHeap()
	C.noBulkPageCache() // SQLITE_MISUSE, harmless, if SQLite was already in use
}
